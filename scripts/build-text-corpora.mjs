// Builds the two character-level language-modelling corpora in public/datasets:
//
//   tang-poems.txt         every distinct five-character quatrain (五言絕句: four lines of five
//                          characters) in the Complete Tang Poems (全唐詩) of the npm package
//                          `chinese-poetry` 2.0.1 (MIT), one poem per line, its four lines joined
//                          with their own punctuation, e.g. 「床前明月光，疑是地上霜。…」. The
//                          package ships the Tang poems in Traditional characters only, so they
//                          are kept as shipped (no conversion).
//   pride-and-prejudice.txt
//                          Jane Austen, "Pride and Prejudice" (1813; public domain), from the
//                          Debian package `r-cran-janeaustenr` 1.0.0-1 (Julia Silge, MIT), which
//                          holds the Project Gutenberg text with Gutenberg's header and footer
//                          already removed. The R data file is read directly (no R needed).
//
//   node scripts/build-text-corpora.mjs [--chinese-poetry DIR] [--janeaustenr DIR] [--out DIR]
//
// --chinese-poetry: the unpacked npm package (the folder holding package.json and dist/);
// --janeaustenr: the unpacked .deb (`dpkg-deb -x r-cran-janeaustenr_1.0.0-1_all.deb DIR`).
// Either one left out is fetched into a temporary folder with the ordinary clients:
// `npm pack chinese-poetry@2.0.1` (85 MB) and `apt-get download r-cran-janeaustenr=1.0.0-1`.
// The output is deterministic.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, inflateSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));

function arg(name) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? resolve(process.argv[i + 1]) : undefined;
}
const outDir = arg('out') ?? join(here, '..', 'public', 'datasets');

// Distinct characters (Unicode code points), newline included: the vocabulary of a
// character-level model trained on the file.
function distinctChars(text) {
  return new Set(text).size;
}

// ---------------------------------------------------------------------------------------------
// Tang quatrains

const POETRY = { name: 'chinese-poetry', version: '2.0.1' };

function fetchChinesePoetry() {
  const dir = mkdtempSync(join(tmpdir(), 'layerlab-poetry-'));
  console.log(`npm pack ${POETRY.name}@${POETRY.version} into ${dir}`);
  const tgz = execFileSync('npm', ['pack', `${POETRY.name}@${POETRY.version}`, '--silent'], {
    cwd: dir,
    encoding: 'utf8',
  })
    .trim()
    .split('\n')
    .pop();
  execFileSync(
    'tar',
    ['xzf', tgz, '--wildcards', 'package/package.json', 'package/dist/quantangshi/poet.tang.*'],
    { cwd: dir },
  );
  return join(dir, 'package');
}

const HAN5 = /^\p{Script=Han}{5}$/u;
const MID = new Set(['，', '？', '！', '；']); // after lines 1 and 3
const END = new Set(['。', '？', '！']); // after lines 2 and 4

// The poem's text if it is a well-formed five-character quatrain, else null.
function quatrain(paragraphs) {
  // A few poems carry a stray paragraph that is only punctuation ("。"): drop such paragraphs.
  const text = paragraphs.filter((p) => /\p{Script=Han}/u.test(p)).join('');
  const parts = text.split(/([^\p{Script=Han}]+)/u).filter(Boolean);
  if (parts.length !== 8) return null;
  for (let i = 0; i < 8; i += 2) {
    if (!HAN5.test(parts[i])) return null;
    if (!(i % 4 === 0 ? MID : END).has(parts[i + 1])) return null;
  }
  return text;
}

function buildTangPoems(pkgDir) {
  const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
  if (pkg.name !== POETRY.name || pkg.version !== POETRY.version) {
    throw new Error(`expected ${POETRY.name}@${POETRY.version}, found ${pkg.name}@${pkg.version}`);
  }
  const dir = join(pkgDir, 'dist', 'quantangshi');
  const files = readdirSync(dir)
    .filter((f) => /^poet\.tang\.\d+\.json$/.test(f))
    .sort((a, b) => Number(a.split('.')[2]) - Number(b.split('.')[2]));
  if (files.length !== 58)
    throw new Error(`expected 58 poet.tang.*.json files, got ${files.length}`);
  let total = 0;
  const poems = new Set();
  for (const f of files) {
    for (const poem of JSON.parse(readFileSync(join(dir, f), 'utf8'))) {
      total++;
      const text = quatrain(poem.paragraphs);
      if (text) poems.add(text); // a Set: the same poem listed twice is kept once
    }
  }
  const out = [...poems].join('\n') + '\n';
  const path = join(outDir, 'tang-poems.txt');
  writeFileSync(path, out);
  const bytes = Buffer.byteLength(out);
  console.log(
    `${path}: ${poems.size} quatrains (of ${total} Tang poems), ${bytes} bytes, ` +
      `${[...out].length} characters, ${distinctChars(out)} distinct with newline`,
  );
}

// ---------------------------------------------------------------------------------------------
// Pride and Prejudice from janeaustenr's lazy-load R data base

const AUSTEN = { deb: 'r-cran-janeaustenr', version: '1.0.0-1', object: 'prideprejudice' };

function fetchJaneaustenr() {
  const dir = mkdtempSync(join(tmpdir(), 'layerlab-janeaustenr-'));
  console.log(`apt-get download ${AUSTEN.deb}=${AUSTEN.version} into ${dir}`);
  execFileSync('apt-get', ['download', `${AUSTEN.deb}=${AUSTEN.version}`], {
    cwd: dir,
    stdio: 'inherit',
  });
  const deb = readdirSync(dir).find((f) => f.endsWith('.deb'));
  execFileSync('dpkg-deb', ['-x', deb, 'root'], { cwd: dir });
  return join(dir, 'root');
}

// A reader for R's XDR serialization format (versions 2 and 3), covering what a data package's
// character vectors and their index need: vectors, pairlists, symbols, references, environments.
function unserialize(buf) {
  let pos = 0;
  const int = () => {
    const v = buf.readInt32BE(pos);
    pos += 4;
    return v;
  };
  const format = buf.toString('latin1', 0, 2);
  if (format !== 'X\n') throw new Error(`not an XDR R serialization (${JSON.stringify(format)})`);
  pos = 2;
  const version = int();
  int(); // writer's R version
  int(); // minimal reader version
  if (version === 3) {
    const n = int(); // native encoding name
    pos += n;
  } else if (version !== 2) throw new Error(`R serialization version ${version}`);
  const refs = [];
  const length = () => {
    const n = int();
    if (n !== -1) return n;
    const hi = int();
    return hi * 2 ** 32 + (int() >>> 0);
  };
  function item() {
    const flags = int();
    const type = flags & 0xff;
    const hasAttr = (flags & (1 << 9)) !== 0;
    const hasTag = (flags & (1 << 10)) !== 0;
    switch (type) {
      case 254: // NILVALUE_SXP
      case 253: // GLOBALENV_SXP
      case 242: // EMPTYENV_SXP
      case 241: // BASEENV_SXP
      case 251: // MISSINGARG_SXP
      case 252: // UNBOUNDVALUE_SXP
        return null;
      case 255: // REFSXP
        return refs[(flags >> 8 || int()) - 1];
      case 1: {
        // SYMSXP
        const sym = { symbol: item() };
        refs.push(sym);
        return sym;
      }
      case 4: {
        // ENVSXP
        const env = {};
        refs.push(env);
        int(); // locked
        env.enclos = item();
        env.frame = item();
        env.hashtab = item();
        env.attributes = item();
        return env;
      }
      case 2: // LISTSXP
      case 6: {
        // LANGSXP
        const attributes = hasAttr ? item() : null;
        const tag = hasTag ? item() : null;
        const car = item();
        const cdr = item();
        return { pairlist: true, tag, car, cdr, attributes };
      }
      case 9: {
        // CHARSXP
        const n = int();
        if (n === -1) return null; // NA_character_
        const s = buf.toString((flags >> 12) & 4 ? 'latin1' : 'utf8', pos, pos + n);
        pos += n;
        return s;
      }
      case 10: // LGLSXP
      case 13: {
        // INTSXP
        const v = Array.from({ length: length() }, int);
        return withAttr(v, hasAttr);
      }
      case 14: {
        // REALSXP
        const v = Array.from({ length: length() }, () => {
          const d = buf.readDoubleBE(pos);
          pos += 8;
          return d;
        });
        return withAttr(v, hasAttr);
      }
      case 16: // STRSXP
      case 19: // VECSXP
      case 20: {
        // EXPRSXP
        const v = Array.from({ length: length() }, item);
        return withAttr(v, hasAttr);
      }
      default:
        throw new Error(`R type ${type} not supported by this reader`);
    }
  }
  function withAttr(v, hasAttr) {
    if (hasAttr) v.attributes = item();
    return v;
  }
  return item();
}

function pairlistToObject(list) {
  const o = {};
  for (let p = list; p; p = p.cdr) o[p.tag.symbol] = p.car;
  return o;
}

// janeaustenr keeps its data in R's lazy-load data base: Rdata.rdx (gzipped serialization of
// {variables, references, compressed}) indexes Rdata.rdb, whose entries are a 4-byte big-endian
// length followed by a zlib stream.
function readLazyData(dataDir, name) {
  const index = unserialize(gunzipSync(readFileSync(join(dataDir, 'Rdata.rdx'))));
  const names = index.attributes ? pairlistToObject(index.attributes).names : null;
  const variables = index[names.indexOf('variables')];
  const varNames = pairlistToObject(variables.attributes).names;
  const at = varNames.indexOf(name);
  if (at < 0) throw new Error(`${name} not in ${varNames.join(', ')}`);
  const [offset, len] = variables[at];
  const rdb = readFileSync(join(dataDir, 'Rdata.rdb'));
  const entry = rdb.subarray(offset, offset + len);
  const raw = inflateSync(entry.subarray(4));
  if (raw.length !== entry.readUInt32BE(0)) throw new Error('bad rdb entry length');
  return unserialize(raw);
}

function buildAusten(root) {
  const lib = join(root, 'usr', 'lib', 'R', 'site-library', 'janeaustenr');
  const desc = readFileSync(join(lib, 'DESCRIPTION'), 'utf8');
  if (!/^Version: 1\.0\.0$/m.test(desc)) throw new Error('expected janeaustenr 1.0.0');
  const lines = readLazyData(join(lib, 'data'), AUSTEN.object);
  if (!Array.isArray(lines) || lines.some((l) => typeof l !== 'string')) {
    throw new Error(`${AUSTEN.object} is not a character vector without NA`);
  }
  // One element per line of the Gutenberg text. Trailing spaces and a trailing run of blank
  // lines are dropped; nothing else is changed.
  const text = lines
    .map((l) => l.replace(/\s+$/, ''))
    .join('\n')
    .replace(/\n+$/, '');
  if (/gutenberg/i.test(text)) throw new Error('Project Gutenberg boilerplate left in the text');
  if (!text.startsWith('PRIDE AND PREJUDICE') || !/Chapter 61\b/.test(text)) {
    throw new Error('unexpected start or missing last chapter');
  }
  const out = text + '\n';
  const path = join(outDir, 'pride-and-prejudice.txt');
  writeFileSync(path, out);
  const chars = [...new Set(out)].sort().join('');
  console.log(
    `${path}: ${lines.length} source lines, ${Buffer.byteLength(out)} bytes, ` +
      `${[...out].length} characters, ${distinctChars(out)} distinct with newline: ` +
      JSON.stringify(chars),
  );
}

buildTangPoems(arg('chinese-poetry') ?? fetchChinesePoetry());
buildAusten(arg('janeaustenr') ?? fetchJaneaustenr());
