// The second pass of the bundle (scripts/bundle.mjs): folds into dist/cli/main.js every chunk it imports statically.
//
// Why: esbuild splits at each dynamic import() and puts each module in a chunk named by the set of entry points that
// reach it. A module that main.js imports and some command also imports lands in a shared chunk, though main.js is
// always loaded first, so `--help` loaded main.js and 18 small chunks. Each file Node's ES-module loader reads costs
// about half a millisecond (resolve, read, compile-cache lookup, link): 7 ms of every run, `--help` and `list`
// included (bench/RESULTS.md, section 1).
//
// How: esbuild bundles main.js and those chunks again into one file, which also exports every name the chunks
// exported; every other chunk that imported one of them imports the same names from ../main.js instead. So each
// module still exists once (one UsageError class, one secrets registry), and a chunk loaded after main.js finds main.js
// already evaluated. Everything else (commands, renderers, SDK clients) stays in its own chunk, loaded when used.
import { build } from 'esbuild';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';

/**
 * Folds the chunks main.js imports statically, at any depth, into main.js. `metafile` is esbuild's, of the first
 * pass; it is updated in place to describe the files as they are afterwards. `options` are the first pass's output
 * options (target, minification), kept alike.
 */
export async function foldIntoMain({ root, outdir, metafile, options }) {
  const mainKey = relative(root, join(outdir, 'main.js'));
  const outputs = metafile.outputs;
  const folded = new Set();
  const pending = [mainKey];
  while (pending.length) {
    for (const { path, kind } of outputs[pending.pop()].imports) {
      if (kind === 'import-statement' && outputs[path] && !folded.has(path)) {
        folded.add(path);
        pending.push(path);
      }
    }
  }
  if (!folded.size) return;

  // One entry re-exporting main.js and every name of every folded chunk: their importers will ask main.js for them.
  const exported = new Map(outputs[mainKey].exports.map((name) => [name, mainKey]));
  const lines = ['export * from "./main.js";'];
  for (const chunk of folded) {
    for (const name of outputs[chunk].exports) {
      // esbuild names each cross-chunk symbol once for the whole build, so two chunks never export the same name.
      if (exported.has(name)) throw new Error(`fold-main: ${chunk} and ${exported.get(name)} both export ${name}`);
      exported.set(name, chunk);
    }
    if (outputs[chunk].exports.length) lines.push(`export {${outputs[chunk].exports.join(',')}} from "./${relative(outdir, join(root, chunk))}";`);
  }
  const inFold = (file) => file === join(root, mainKey) || folded.has(relative(root, file));
  const second = await build({
    ...options,
    stdin: { contents: lines.join('\n'), resolveDir: outdir, sourcefile: 'main-folded.js', loader: 'js' },
    bundle: true,
    splitting: false,
    write: false,
    metafile: false,
    plugins: [
      {
        name: 'fold-only-main',
        setup(b) {
          // Relative imports: a folded chunk is bundled; any other chunk stays a separate file, named from main.js.
          b.onResolve({ filter: /^\.\.?\// }, ({ path, resolveDir }) => {
            const file = join(resolveDir, path);
            return inFold(file) ? { path: file } : { path: relativeSpecifier(outdir, file), external: true };
          });
        },
      },
    ],
  });
  writeFileSync(join(outdir, 'main.js'), second.outputFiles[0].text);

  // The other chunks: an import of a folded chunk becomes an import of main.js, whose exports hold the same names.
  for (const [key, output] of Object.entries(outputs)) {
    if (key === mainKey || folded.has(key) || !key.endsWith('.js')) continue;
    const targets = output.imports.filter((i) => folded.has(i.path));
    if (!targets.length) continue;
    const file = join(root, key);
    let text = readFileSync(file, 'utf8');
    const toMain = JSON.stringify(relativeSpecifier(dirname(file), join(outdir, 'main.js')));
    for (const { path } of targets) {
      const specifier = JSON.stringify(relativeSpecifier(dirname(file), join(root, path)));
      if (!text.includes(specifier)) throw new Error(`fold-main: ${key} imports ${path}, but its text never names ${specifier}`);
      text = text.replaceAll(specifier, toMain);
    }
    writeFileSync(file, text);
    output.imports = dedupe(output.imports.map((i) => (folded.has(i.path) ? { ...i, path: mainKey } : i)));
  }

  // The metafile, as the files now are: main.js holds the folded chunks' sources (the start-up tests read this).
  const main = outputs[mainKey];
  for (const chunk of folded) {
    Object.assign(main.inputs, outputs[chunk].inputs);
    main.imports.push(...outputs[chunk].imports);
    rmSync(join(root, chunk));
    delete outputs[chunk];
  }
  main.imports = dedupe(main.imports.filter((i) => i.path !== mainKey && !folded.has(i.path)));
  main.exports = [...exported.keys()];
  main.bytes = Buffer.byteLength(second.outputFiles[0].text);
}

function relativeSpecifier(fromDir, file) {
  const path = relative(fromDir, file);
  return path.startsWith('.') ? path : `./${path}`;
}

function dedupe(imports) {
  const seen = new Set();
  return imports.filter((i) => !seen.has(`${i.kind} ${i.path}`) && seen.add(`${i.kind} ${i.path}`));
}

/** Every relative import in the output names a file that exists (a check the fold cannot pass by accident). */
export function assertImportsResolve(outdir, files) {
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const [, specifier] of text.matchAll(/(?:from|import)\s*\(?\s*"(\.\.?\/[^"]+\.js)"/g)) {
      const target = join(dirname(file), specifier);
      if (!files.includes(target)) throw new Error(`${basename(file)} imports ${specifier}, which the bundle does not hold`);
    }
  }
}
