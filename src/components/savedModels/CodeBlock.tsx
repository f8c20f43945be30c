import { Highlight, type PrismTheme } from 'prism-react-renderer';
import { useTranslation } from 'react-i18next';

/**
 * A light theme whose every token colour reaches 4.5:1 against its background (WCAG AA; checked
 * by axe in the end-to-end tests). Prism's own light themes use pale greys and cyans that do not.
 */
const READABLE_LIGHT: PrismTheme = {
  plain: { color: '#24292f', backgroundColor: '#f6f8fa' },
  styles: [
    {
      types: ['comment', 'prolog', 'doctype', 'cdata'],
      style: { color: '#57606a', fontStyle: 'italic' },
    },
    { types: ['string', 'attr-value', 'char'], style: { color: '#0a3069' } },
    { types: ['punctuation', 'operator'], style: { color: '#24292f' } },
    {
      types: ['number', 'boolean', 'constant', 'symbol', 'regex', 'variable', 'property'],
      style: { color: '#0550ae' },
    },
    { types: ['keyword', 'atrule', 'selector', 'builtin'], style: { color: '#cf222e' } },
    { types: ['function', 'class-name', 'decorator'], style: { color: '#6639ba' } },
  ],
};

/** Python source with syntax colours (Prism's tokenizer; no hand-written highlighting). */
export default function CodeBlock({ code }: { code: string }) {
  const { t } = useTranslation();
  return (
    <Highlight code={code} language="python" theme={READABLE_LIGHT}>
      {({ className, style, tokens, getLineProps, getTokenProps }) => (
        // Focusable, so keyboard users can scroll it.
        <pre
          className={`code-block ${className}`}
          style={style}
          data-testid="code-block"
          tabIndex={0}
          aria-label={t('codeExport.program')}
        >
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
