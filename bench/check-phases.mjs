// Where a `policylint check` of one file spends its time, phase by phase: CPU milliseconds in fresh
// processes (a CLI run is one cold process, so a warmed-up loop would mislead), median of several runs.
// `node bench/check-phases.mjs FILE [runs]` after `npm run build`; the corpus is found as the CLI finds
// it (the configuration's, else the nearest seeds/). Start-up (Node, loading the bundle) is not in it:
// bench/cli-vs-markdownlint.mjs times whole processes.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import process from 'node:process';

const [file, runs = '9'] = process.argv.slice(2);
if (file === undefined) {
  console.error('usage: node bench/check-phases.mjs FILE [runs]');
  process.exit(2);
}

if (process.env.CHECK_PHASES_CHILD === undefined) {
  const samples = [];
  for (let i = 0; i < Number(runs); i++) {
    const child = spawnSync(process.execPath, [process.argv[1], file], { encoding: 'utf8', env: { ...process.env, CHECK_PHASES_CHILD: '1' } });
    if (child.status !== 0) throw new Error(child.stderr);
    samples.push(JSON.parse(child.stdout));
  }
  console.log(`${resolve(file)}: CPU ms per phase, median of ${runs} fresh processes`);
  for (const phase of Object.keys(samples[0])) {
    const sorted = samples.map((s) => s[phase]).sort((a, b) => a - b);
    console.log(`${phase.padEnd(28)} ${sorted[sorted.length >> 1].toFixed(1).padStart(7)}`);
  }
} else {
  const { checkText, RULES } = await import('@policylint/checker');
  const { ConfigLoader, CorpusCache, findCorpusSource } = await import('@policylint/checker/node');
  const { toSimplified } = await import('@policylint/core');
  const phases = {};
  let last = cpuMs();
  const mark = (phase) => {
    const now = cpuMs();
    phases[phase] = (phases[phase] ?? 0) + now - last;
    last = now;
  };
  // OpenCC builds its dictionaries on first use, whichever phase that is: counted on its own.
  toSimplified('國');
  mark('OpenCC dictionaries');
  const path = resolve(file);
  const loaded = await new ConfigLoader(undefined).forFile(path);
  const text = readFileSync(path, 'utf8');
  mark('configuration, reading');
  const source = await findCorpusSource(path, { path: loaded.path, corpus: loaded.config.corpus });
  const corpus = source === undefined ? undefined : (await new CorpusCache().load(source)).corpus;
  mark('corpus: files, overlap cache');
  corpus?.overlap();
  mark('corpus: overlap index');
  const rules = RULES.map((rule) => ({
    ...rule,
    check(context) {
      mark('parse and between rules');
      if (rule.id === 'overlap-existing') {
        // Shared by both overlap rules; computed by the first that runs.
        context.measureUnits();
        mark('draft measure shingles');
      }
      const found = rule.check(context);
      mark(`rule ${rule.id}`);
      return found;
    },
  }));
  const { findings } = checkText(text, { config: loaded.config, corpus, documentId: path, rules });
  mark('parse and between rules');
  phases.findings = findings.length;
  console.log(JSON.stringify(phases));
}

function cpuMs() {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}
