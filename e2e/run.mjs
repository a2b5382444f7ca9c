#!/usr/bin/env node
// End-to-end runner: node run.mjs --bot http://127.0.0.1:3978/api/messages --scenario help [--out dir]
// Starts Chromium and one Agents Playground per user the scenario needs, opens every chat page, runs the
// scenario, and exits 0 on success. On failure it saves screenshots and logs into --out and exits 1.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { waitForBot } from './lib/playground.mjs';
import { launchBrowser, startSession } from './lib/session.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const scenariosDir = path.join(here, 'scenarios');
const listScenarios = () =>
  fs.readdirSync(scenariosDir).filter((f) => f.endsWith('.mjs')).map((f) => f.replace(/\.mjs$/, '')).sort();

const USAGE = `usage: node run.mjs --bot <url> --scenario <name> [options]

  --bot <url>          the bot's messaging endpoint, e.g. http://127.0.0.1:3978/api/messages
  --scenario <name>    one of: ${listScenarios().join(', ')}; or a path to a scenario .mjs file
  --out <dir>          where failure screenshots and logs go (default ../target/e2e, relative to e2e/)
  --port <n>           first Playground port (then n+1, ...); default: free ports
  --timeout <s>        whole-scenario time limit in seconds (default 120)
  --bot-wait <s>       how long to wait for the bot's port, and each Playground, to be ready (default 30)
  --save-always        save screenshots and logs even when the scenario passes
  --headed             show the browser (needs a display)
  --list               list scenarios and exit`;

function usage(msg) {
  if (msg) console.error(`error: ${msg}\n`);
  console.error(USAGE);
  process.exit(2);
}

let args;
try {
  args = parseArgs({
    options: {
      bot: { type: 'string' },
      scenario: { type: 'string' },
      out: { type: 'string', default: path.resolve(here, '..', 'target', 'e2e') },
      port: { type: 'string', default: '0' },
      timeout: { type: 'string', default: '120' },
      'bot-wait': { type: 'string', default: '30' },
      'save-always': { type: 'boolean', default: false },
      headed: { type: 'boolean', default: false },
      list: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }).values;
} catch (e) {
  usage(e.message);
}
if (args.help) usage();
if (args.list) {
  console.log(listScenarios().join('\n'));
  process.exit(0);
}
if (!args.bot) usage('--bot is required');
if (!args.scenario) usage('--scenario is required');
const scenarioFile = listScenarios().includes(args.scenario)
  ? path.join(scenariosDir, `${args.scenario}.mjs`)
  : /\.m?js$/.test(args.scenario) && fs.existsSync(args.scenario)
    ? path.resolve(args.scenario)
    : usage(`unknown scenario "${args.scenario}"`);
const scenarioName = path.basename(scenarioFile).replace(/\.m?js$/, '');
try {
  new URL(args.bot);
} catch {
  usage(`--bot is not a URL: ${args.bot}`);
}

const started = Date.now();
const stamp = () => `[${((Date.now() - started) / 1000).toFixed(1).padStart(5)}s]`;
const log = (line) => console.log(`${stamp()}   ${line}`);
const outDir = path.resolve(args.out, scenarioName);

const scenario = await import(pathToFileURL(scenarioFile).href);
const users = scenario.users ?? ['alex'];
console.log(`${stamp()} scenario ${scenarioName}: ${scenario.description ?? ''}`);
console.log(`${stamp()} bot ${args.bot}; users ${users.join(', ')}`);

let browser;
let session;
let failure = null;
let stepNo = 0;

const ctx = {
  bot: args.bot,
  log,
  /** Runs one named step of the scenario and prints it. */
  async step(name, fn) {
    stepNo += 1;
    const t0 = Date.now();
    console.log(`${stamp()} step ${stepNo}: ${name}`);
    try {
      const r = await fn();
      console.log(`${stamp()} step ${stepNo}: ok (${Date.now() - t0} ms)`);
      return r;
    } catch (e) {
      console.log(`${stamp()} step ${stepNo}: FAILED (${Date.now() - t0} ms)`);
      e.step ??= `step ${stepNo}: ${name}`;
      throw e;
    }
  },
  /** Throws when `cond` is falsy. */
  check(cond, message) {
    if (!cond) throw new Error(`check failed: ${message}`);
  },
};

let timer;
const onSignal = (sig) => {
  console.error(`\n${stamp()} ${sig}: stopping`);
  cleanup().finally(() => process.exit(130));
};
process.once('SIGINT', onSignal);
process.once('SIGTERM', onSignal);

try {
  await Promise.race([
    (async () => {
      fs.rmSync(outDir, { recursive: true, force: true });
      await waitForBot(args.bot, Number(args['bot-wait']) * 1000);
      browser = await launchBrowser({ headless: !args.headed });
      log(`chromium ${browser.version()}`);
      try {
        session = await startSession({
          browser,
          botEndpoint: args.bot,
          users,
          basePort: Number(args.port),
          readyTimeoutMs: Number(args['bot-wait']) * 1000,
          log,
        });
      } catch (e) {
        session = e.session;
        throw e;
      }
      Object.assign(ctx, { browser, session, chats: session.chats, playgrounds: session.playgrounds }, session.chats);
      console.log(`${stamp()} all chats open; running the scenario`);
      await scenario.run(ctx);
    })(),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`scenario took longer than ${args.timeout} s`)), Number(args.timeout) * 1000);
    }),
  ]);
} catch (e) {
  failure = e;
} finally {
  clearTimeout(timer);
}

if ((failure || args['save-always']) && session) {
  try {
    const saved = await session.saveArtifacts(outDir);
    console.log(`${stamp()} saved ${saved.length} files into ${outDir}:`);
    for (const f of saved) console.log(`           ${path.relative(process.cwd(), f)}`);
  } catch (e) {
    console.error(`${stamp()} could not save artifacts: ${e.stack}`);
  }
}
await cleanup();

if (failure) {
  console.error(`\n${stamp()} FAIL ${scenarioName}${failure.step ? ` at ${failure.step}` : ''}\n${failure.stack ?? failure}`);
  process.exit(1);
}
console.log(`${stamp()} PASS ${scenarioName}`);
process.exit(0);

async function cleanup() {
  try {
    if (session) await session.close();
  } catch (e) {
    console.error(`cleanup: ${e.message}`);
  }
  try {
    if (browser) await browser.close();
  } catch {
    /* already closed */
  }
  session = undefined;
  browser = undefined;
}
