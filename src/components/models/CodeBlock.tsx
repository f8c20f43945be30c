import { Highlight, themes } from 'prism-react-renderer';

/** Python source with syntax colours (Prism's tokenizer; no hand-written highlighting). */
export default function CodeBlock({ code }: { code: string }) {
  return (
    <Highlight code={code} language="python" theme={themes.github}>
      {({ className, style, tokens, getLineProps, getTokenProps }) => (
        <pre className={`code-block ${className}`} style={style} data-testid="code-block">
          {tokens.map((line, i) => (
            <div key={i} {...getLineProps({ line })}>
              {line.map((token, key) => (
                <span key={key} {...getTokenProps({ token })} />
              ))}
            </div>
          ))}
        </pre>
      )}
    </Highlight>
  );
}
