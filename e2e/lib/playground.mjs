// Driver for the Microsoft 365 Agents Playground (npm @microsoft/m365agentsplayground, pinned 0.2.28):
// start a Playground process against a bot, open its web UI in Chromium, and talk to the bot like a user.
// See ../README.md for what the selectors below rely on and why.

import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const require = createRequire(import.meta.url);

/** The Playground's built-in mock tenant. Ids are kept stable so the same person has the same ids in every instance. */
export const TENANT_ID = '00000000-0000-0000-0000-0000000000001';
export const BOT = { id: '00000000-0000-0000-0000-00000000000011', name: 'Test Bot' };
export const USERS = Object.freeze({
  alex: user('user-id-0', 'Alex', 'Wilber', 'alexw', '020'),
  megan: user('user-id-1', 'Megan', 'Bowen', 'meganb', '021'),
  adele: user('user-id-2', 'Adele', 'Vance', 'adelev', '022'),
  // sic: the built-in config gives Isaiah the UPN isaiah@example.com but the email isaiahl@example.com
  isaiah: user('user-id-3', 'Isaiah', 'Langer', 'isaiahl', '023', 'isaiah@example.com'),
  patti: user('user-id-4', 'Patti', 'Fernandez', 'pattif', '024'),
  lynne: user('user-id-5', 'Lynne', 'Robbins', 'lynner', '025'),
});

const USER_KEYS = ['id', 'name', 'userPrincipleName', 'aadObjectId', 'givenName', 'surname', 'email'];

function user(id, givenName, surname, alias, oidSuffix, upn = `${alias}@example.com`) {
  return Object.freeze({
    id,
    name: `${givenName} ${surname}`,
    // sic: the Playground's schema spells it "userPrincipleName"
    userPrincipleName: upn,
    aadObjectId: `00000000-0000-0000-0000-0000000000${oidSuffix}`,
    givenName,
    surname,
    email: `${alias}@example.com`,
  });
}

/** Finds a mock user by key ("megan"), display name, given name, id, aadObjectId or UPN; or accepts a full user object. */
export function resolveUser(who) {
  if (who && typeof who === 'object') return who;
  const needle = String(who).trim().toLowerCase();
  for (const [key, u] of Object.entries(USERS)) {
    const keys = [key, u.name, u.givenName, u.id, u.aadObjectId, u.userPrincipleName].map((s) => s.toLowerCase());
    if (keys.includes(needle)) return u;
  }
  throw new Error(`Unknown Playground user "${who}". Known: ${Object.keys(USERS).join(', ')}`);
}

/**
 * The Playground's config file (.m365agentsplayground.yml, schema version 0.1.1). The schema is strict:
 * exactly 5 `users` besides `currentUser`, all user ids unique, and personalChat, groupChat, team and
 * channel ids unique. Strings are written JSON-quoted, which YAML reads as double-quoted scalars.
 */
export function playgroundConfigYaml({
  currentUser = 'alex',
  users,
  bot = BOT,
  tenantId = TENANT_ID,
  personalChatId = crypto.randomUUID(),
  groupChat = { id: crypto.randomUUID(), name: 'Group Chat' },
  team = { id: 'team-id', name: 'My Team', aadGroupId: '00000000-0000-0000-0000-000000000031', channels: [{ id: 'channel-announcements-id', name: 'Announcements' }] },
} = {}) {
  const me = resolveUser(currentUser);
  const others = (users ?? Object.values(USERS).filter((u) => u.id !== me.id)).map(resolveUser);
  if (others.length !== 5) throw new Error(`The Playground needs exactly 5 other users, got ${others.length}`);
  const q = (v) => JSON.stringify(String(v));
  const lines = [
    '# Written by e2e/lib/playground.mjs',
    'version: "0.1.1"',
    `tenantId: ${q(tenantId)}`,
    'bot:',
    `  id: ${q(bot.id)}`,
    `  name: ${q(bot.name)}`,
    'currentUser:',
    ...USER_KEYS.map((k) => `  ${k}: ${q(me[k])}`),
    'users:',
    ...others.map((u) =>
      USER_KEYS
        .map((k, i) => `${i === 0 ? '  - ' : '    '}${k}: ${q(u[k])}`)
        .join('\n'),
    ),
    'personalChat:',
    `  id: ${q(personalChatId)}`,
    'groupChat:',
    `  id: ${q(groupChat.id)}`,
    `  name: ${q(groupChat.name)}`,
    'team:',
    `  id: ${q(team.id)}`,
    `  name: ${q(team.name)}`,
    `  aadGroupId: ${q(team.aadGroupId)}`,
    '  channels:',
    ...team.channels.map((c) => `    - id: ${q(c.id)}\n      name: ${q(c.name)}`),
    '',
  ];
  return lines.join('\n');
}

/**
 * @typedef {object} PlaygroundHandle
 * @property {string} url        http://localhost:<port>, for the browser
 * @property {number} port       the port it really listens on
 * @property {number} pid        process (and process group) id
 * @property {string} workDir
 * @property {object} config     the Playground's effective config (GET /_internal/v1/config): users, chat ids
 * @property {object} currentUser
 * @property {string[]} logFiles its log file, its stdout/stderr, and the YAML config if one was written
 * @property {(o?: {keepWorkDir?: boolean}) => Promise<object>} stop
 */

/**
 * Starts `agentsplayground` in its own process group, working in `workDir` (it writes ./devTools/ there).
 *
 * @param {object} o
 * @param {string} o.botEndpoint e.g. http://127.0.0.1:3978/api/messages
 * @param {number} [o.port] 0 or absent: a free port. The Playground silently falls back to a random port
 *   when the one asked for is taken, so the real port is read from its "Listening on N" line.
 * @param {object} [o.users] { currentUser: 'megan', ...playgroundConfigYaml options }; absent: no config
 *   file, so the Playground's built-in config (current user Alex Wilber, random chat ids).
 * @param {string} [o.workDir] scratch directory; a fresh temp dir when absent.
 * @param {string} [o.channel] -c, default msteams.
 * @param {number} [o.readyTimeoutMs]
 * @returns {Promise<PlaygroundHandle>}
 */
export async function startPlayground({ botEndpoint, port = 0, users, workDir, channel = 'msteams', readyTimeoutMs = 30_000, label } = {}) {
  if (!botEndpoint) throw new Error('startPlayground: botEndpoint is required');
  const ownWorkDir = !workDir;
  workDir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-playground-'));
  fs.mkdirSync(workDir, { recursive: true });
  const logFile = path.join(workDir, 'devTools', 'm365agentsplayground.log');
  const outFile = path.join(workDir, 'playground.out');

  const env = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^(M365_AGENTS_PLAYGROUND_|TEAMSAPPTESTER_|TEAMS_APP_TEST_TOOL_)/.test(k)),
  );
  Object.assign(env, {
    TEAMSAPPTESTER_BROWSER: 'none',
    APPLICATION_INSIGHTS_NO_STATSBEAT: 'true',
    M365_AGENTS_PLAYGROUND_LOGFILE: logFile,
  });
  let config = null;
  if (users) {
    const yamlPath = path.join(workDir, '.m365agentsplayground.yml');
    fs.writeFileSync(yamlPath, playgroundConfigYaml(users));
    env.M365_AGENTS_PLAYGROUND_CONFIG_PATH = yamlPath;
    config = { currentUser: resolveUser(users.currentUser ?? 'alex'), yamlPath };
  }

  const cli = require.resolve('@microsoft/m365agentsplayground/cli.js');
  const args = [cli, '-e', botEndpoint, '-c', channel, '-p', String(port), '--disable-telemetry'];
  const out = fs.createWriteStream(outFile);
  const child = spawn(process.execPath, args, { cwd: workDir, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  liveGroups.add(child.pid);
  let output = '';
  const onData = (chunk) => {
    output += chunk;
    out.write(chunk);
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  let exited = null;
  const exitPromise = new Promise((resolve) =>
    child.on('exit', (code, signal) => {
      exited = { code, signal };
      liveGroups.delete(child.pid);
      resolve(exited);
    }),
  );

  const handle = {
    label: label ?? config?.currentUser?.name ?? 'playground',
    pid: child.pid,
    workDir,
    botEndpoint,
    port: null,
    url: null,
    currentUser: config?.currentUser ?? USERS.alex,
    logFiles: [logFile, outFile, ...(config ? [config.yamlPath] : [])],
    output: () => output,
    /** Kills the Playground's whole process group; removes workDir if startPlayground made it. */
    async stop({ keepWorkDir = false } = {}) {
      if (!exited) {
        killGroup(child.pid, 'SIGTERM');
        const done = await Promise.race([exitPromise, sleep(3000).then(() => null)]);
        if (!done) {
          killGroup(child.pid, 'SIGKILL');
          await Promise.race([exitPromise, sleep(2000)]);
        }
      }
      out.end();
      if (ownWorkDir && !keepWorkDir) fs.rmSync(workDir, { recursive: true, force: true });
      return exited;
    },
  };

  const deadline = Date.now() + readyTimeoutMs;
  try {
    while (!handle.port) {
      const m = /Listening on (\d+)/.exec(output);
      if (m) handle.port = Number(m[1]);
      else if (exited) throw new Error(`agentsplayground exited (${JSON.stringify(exited)}) before listening:\n${output}`);
      else if (Date.now() > deadline) throw new Error(`agentsplayground did not report its port within ${readyTimeoutMs} ms:\n${output}`);
      else await sleep(50);
    }
    if (port && handle.port !== port) console.warn(`[playground] port ${port} was taken; the Playground chose ${handle.port}`);
    handle.url = `http://localhost:${handle.port}`;
    for (;;) {
      try {
        const res = await fetch(`${handle.url}/_debug/ping`, { signal: AbortSignal.timeout(1000) });
        if (res.ok) break;
      } catch {
        /* not up yet */
      }
      if (exited) throw new Error(`agentsplayground exited (${JSON.stringify(exited)}):\n${output}`);
      if (Date.now() > deadline) throw new Error(`agentsplayground /_debug/ping did not answer within ${readyTimeoutMs} ms`);
      await sleep(100);
    }
    const cfg = await fetch(`${handle.url}/_internal/v1/config`).then((r) => r.json());
    handle.config = cfg.config;
    handle.currentUser = cfg.config.currentUser;
  } catch (e) {
    await handle.stop();
    throw e;
  }
  return handle;
}

const liveGroups = new Set();
function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    /* already gone */
  }
}
// Last resort: never leave a Playground behind, even when the runner dies of an exception.
process.on('exit', () => {
  for (const pid of liveGroups) killGroup(pid, 'SIGKILL');
});

// ---------------------------------------------------------------------------------------------
// The web UI
// ---------------------------------------------------------------------------------------------

/** Selectors, all from version 0.2.28. Everything else is found by ARIA role and accessible name. */
export const SEL = Object.freeze({
  composer: '[role="textbox"][contenteditable="true"]', // the Lexical editor; it has no accessible name
  messageHeader: '[aria-label="Message header"]', // one per rendered message; its parent is the message
  messageAuthor: '[aria-label="Message author"]', // only on messages from others (the bot), not our own
  card: '.ac-adaptiveCard', // root element the Adaptive Cards JS renderer gives every card
  invokeBanner: '[aria-label="Display Invoked Message"]', // the banner under a card after an invoke answer
});

const DEFAULT_TIMEOUT = 15_000;

/**
 * Opens the Playground UI in a fresh browser context and waits until the Playground has delivered the
 * installationUpdate / conversationUpdate to the bot. Open every user's page before the scenario starts
 * and never reload it: the UI keeps no history.
 */
export async function openChat(browser, playgroundUrl, { label, botName = BOT.name, timeout = DEFAULT_TIMEOUT, log = () => {} } = {}) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'en-US', timezoneId: 'UTC' });
  // Offline machine: the UI asks a CDN for Segoe UI fonts. Fail those at once instead of waiting for DNS.
  await context.route((url) => !['localhost', '127.0.0.1', '[::1]'].includes(url.hostname), (route) => route.abort());
  const page = await context.newPage();
  const chat = new Chat(page, { label: label ?? playgroundUrl, botName, log, playgroundUrl });
  await chat._open(timeout);
  return chat;
}

export class Chat {
  constructor(page, { label, botName, log, playgroundUrl }) {
    this.page = page;
    this.label = label;
    this.botName = botName;
    this.playgroundUrl = playgroundUrl;
    this.log = log;
    this.markIndex = 0; // bot output is looked for in messages from this index on
    this.events = []; // everything the Playground pushed to the page over its websockets: activities, logs
    this.cards = []; // Adaptive Card JSON the bot sent, newest last (to map input ids to labels)
    this.pageErrors = [];
    page.on('pageerror', (e) => this.pageErrors.push(String(e)));
    page.on('websocket', (ws) =>
      ws.on('framereceived', (f) => {
        let ev;
        try {
          ev = JSON.parse(String(f.payload));
        } catch {
          return;
        }
        this.events.push({ at: new Date().toISOString(), ws: new URL(ws.url()).pathname, ...ev });
        for (const a of ev?.message?.attachments ?? []) {
          if (a.contentType === 'application/vnd.microsoft.card.adaptive') this.cards.push(a.content);
        }
        const body = ev?.log?.response?.body;
        if (body && typeof body === 'object' && body.type === 'application/vnd.microsoft.card.adaptive') this.cards.push(body.value);
      }),
    );
  }

  async _open(timeout) {
    await this.page.goto(this.playgroundUrl);
    await this.page.locator(SEL.composer).waitFor({ timeout });
    // The page itself triggers installationUpdate + conversationUpdate on load; wait for the bot's answers.
    const deadline = Date.now() + timeout;
    for (;;) {
      const answered = this.botCalls().filter((c) => ['installationUpdate', 'conversationUpdate'].includes(c.activity?.type) && c.status);
      if (answered.length >= 2) {
        for (const c of answered) if (c.status >= 300) this.log(`warning: bot answered ${c.activity.type} with ${c.status}`);
        break;
      }
      if (Date.now() > deadline) throw new Error(`${this.label}: the bot did not answer installationUpdate/conversationUpdate within ${timeout} ms`);
      await sleep(50);
    }
    this.markIndex = (await this.messages()).length;
  }

  /** Calls the Playground made to the bot, as it logged them: [{ activity, status, responseBody }]. */
  botCalls() {
    return this.events
      .filter((e) => e.logAction === 'appendLog' && e.log?.to === 'User Application')
      .map((e) => ({ activity: e.log.request?.body, status: e.log.response?.statusCode, responseBody: e.log.response?.body }));
  }

  /** All rendered messages in the open conversation, oldest first: { index, fromBot, author, text, cards[], banners[] }. */
  async messages() {
    return this.page.evaluate(
      ({ sel, botName }) =>
        [...document.querySelectorAll(sel.messageHeader)].map((header, index) => {
          const msg = header.parentElement;
          const author = header.querySelector(sel.messageAuthor)?.innerText.trim() ?? null;
          const norm = (s) => s.replace(/\s+/g, ' ').trim();
          // The message's own text, without the header (author, time) and without invoke banners.
          const clone = msg.cloneNode(true);
          clone.querySelector(sel.messageHeader)?.remove();
          clone.querySelectorAll(sel.invokeBanner).forEach((b) => b.remove());
          msg.after(clone); // innerText needs a rendered element
          const body = clone.innerText;
          clone.remove();
          return {
            index,
            fromBot: author === botName,
            author,
            text: norm(body),
            cards: [...msg.querySelectorAll(sel.card)].map((c) => norm(c.innerText)),
            banners: [...msg.querySelectorAll(sel.invokeBanner)].map((b) => norm(b.innerText)),
          };
        }),
      { sel: SEL, botName: this.botName },
    );
  }

  /** From now on, waitFor* only look at messages that come after the current last message. */
  async mark() {
    this.markIndex = (await this.messages()).length;
  }

  /** Types `text` into the compose box and sends it (Enter). Waits until it shows up as our own message. */
  async send(text, { timeout = DEFAULT_TIMEOUT } = {}) {
    this.log(`${this.label} > ${text}`);
    const before = await this.messages();
    this.markIndex = before.length;
    const box = this.page.locator(SEL.composer);
    await box.click();
    await box.fill(text);
    await box.press('Enter');
    // Our own messages render without an author; wait for one more of them (the text may be re-rendered
    // as markdown, so it is not compared).
    const mine = before.filter((m) => !m.author).length;
    await this._poll(
      async () => (await this.messages()).filter((m) => !m.author).length > mine,
      timeout,
      () => `our message "${text}" to appear in the chat`,
    );
  }

  /**
   * Waits for a bot message (text or card) after the mark that matches: a string (substring, whitespace
   * normalised), a RegExp, or an array of those (all in the same message). Returns the message's text.
   */
  async waitForBotText(expected, { timeout = DEFAULT_TIMEOUT, ignoreCase = false, since } = {}) {
    const test = matcher(expected, ignoreCase);
    const m = await this._poll(
      async () => this._since(await this.messages(), since).find((x) => x.fromBot && test(x.text)),
      timeout,
      async () => `a bot message matching ${describe(expected)}; bot messages since the mark: ${this._seen(await this.messages(), since)}`,
    );
    this.log(`${this.label} < ${m.text}`);
    return m.text;
  }

  /** Waits for an Adaptive Card after the mark whose text matches (see waitForBotText). Returns the card's text. */
  async waitForCardContaining(expected, { timeout = DEFAULT_TIMEOUT, ignoreCase = false, since } = {}) {
    const test = matcher(expected, ignoreCase);
    const found = await this._poll(
      async () => {
        const msgs = this._since(await this.messages(), since).filter((x) => x.fromBot);
        for (const m of msgs.reverse()) {
          const c = [...m.cards].reverse().find(test);
          if (c) return c;
        }
        return null;
      },
      timeout,
      async () => `an Adaptive Card matching ${describe(expected)}; bot messages since the mark: ${this._seen(await this.messages(), since)}`,
    );
    this.log(`${this.label} < [card] ${found}`);
    return found;
  }

  /** Waits for the banner the Playground shows under a card after an invoke answer (activity.message / error). */
  async waitForInvokeBanner(expected, { timeout = DEFAULT_TIMEOUT, ignoreCase = false } = {}) {
    const test = matcher(expected, ignoreCase);
    const found = await this._poll(
      async () => (await this.messages()).flatMap((m) => m.banners).reverse().find(test),
      timeout,
      async () => `an invoke banner matching ${describe(expected)}; banners: ${JSON.stringify((await this.messages()).flatMap((m) => m.banners))}`,
    );
    this.log(`${this.label} < [banner] ${found}`);
    return found;
  }

  /**
   * The newest card that has a button with this exact title (and, if given, contains `card` text).
   * Buttons are found by role and accessible name; Adaptive Card actions render as <button>s.
   */
  _cardWithButton(title, card) {
    let cards = this.page.locator(SEL.card).filter({ has: this.page.getByRole('button', { name: title, exact: true }) });
    if (card) cards = cards.filter({ hasText: card });
    return cards.last();
  }

  /**
   * Clicks an Adaptive Card action button (Action.Execute, Action.Submit, ...) on the newest card that has
   * it. Moves the mark to that card's message, so that waitFor* then see the card replaced in place.
   */
  async clickCardButton(title, { card, timeout = DEFAULT_TIMEOUT } = {}) {
    this.log(`${this.label} * click "${title}"`);
    const target = this._cardWithButton(title, card);
    await target.waitFor({ timeout });
    const idx = await target.evaluate((el, sel) => {
      const headers = [...document.querySelectorAll(sel.messageHeader)];
      return headers.findIndex((h) => h.parentElement.contains(el));
    }, SEL);
    await target.getByRole('button', { name: title, exact: true }).click({ timeout });
    if (idx >= 0) this.markIndex = idx;
  }

  /**
   * Fills an input on the newest card that has it. `field` is the input's label, placeholder or title as
   * rendered, or its id in the card JSON (the renderer does not put card ids in the DOM, so ids are mapped
   * to the label/placeholder through the card JSON seen on the wire). Handles text, number, date, toggle
   * (value true/false) and choice sets (value = choice title).
   */
  async fillCardInput(field, value, { card, timeout = DEFAULT_TIMEOUT } = {}) {
    this.log(`${this.label} * fill "${field}" = ${JSON.stringify(value)}`);
    const names = [field];
    const def = findInputDef(this.cards, field);
    if (def) names.push(...[def.label, def.placeholder, def.title].filter(Boolean));
    let scope = this.page.locator(SEL.card);
    if (card) scope = scope.filter({ hasText: card });
    const deadline = Date.now() + timeout;
    for (;;) {
      for (const name of names) {
        const candidates = [
          ...INPUT_ROLES.map((role) => scope.getByRole(role, { name, exact: true })),
          scope.getByPlaceholder(name, { exact: true }),
          scope.getByLabel(name, { exact: true }).and(scope.locator('input, textarea, select')),
        ];
        for (const loc of candidates) {
          const n = await loc.count();
          if (n > 0) return fillElement(loc.nth(n - 1), value); // the newest card's
        }
      }
      if (Date.now() > deadline) throw new Error(`${this.label}: no card input "${field}" (tried ${JSON.stringify(names)})`);
      await sleep(100);
    }
  }

  /** The text of the newest bot message (cards included), or null. */
  async lastBotMessageText() {
    const bot = (await this.messages()).filter((m) => m.fromBot);
    return bot.length ? bot[bot.length - 1].text : null;
  }

  /** Clicks a conversation in the left tree: 'Personal Chat', 'Group Chat', 'My Team - General', ... */
  async selectChat(name) {
    await this.page.getByRole('treeitem', { name }).first().click();
    await this.mark();
  }

  async screenshot(file) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await this.page.screenshot({ path: file, fullPage: true });
    return file;
  }

  async close() {
    await this.page.context().close();
  }

  _since(msgs, since) {
    return msgs.slice(since ?? this.markIndex);
  }

  _seen(msgs, since) {
    const bot = this._since(msgs, since).filter((m) => m.fromBot);
    return bot.length ? bot.map((m) => JSON.stringify(m.text)).join(' | ') : '(none)';
  }

  async _poll(fn, timeout, what) {
    const deadline = Date.now() + timeout;
    for (;;) {
      const v = await fn();
      if (v) return v;
      if (Date.now() > deadline) {
        const d = typeof what === 'function' ? await what() : what;
        throw new Error(`${this.label}: timed out after ${timeout} ms waiting for ${d}`);
      }
      await sleep(100);
    }
  }
}

// How the Adaptive Cards renderer in 0.2.28 exposes inputs: Input.Text textbox, Input.Number spinbutton,
// Input.Toggle checkbox, Input.ChoiceSet combobox (compact; options in a listbox) or radiogroup (expanded).
const INPUT_ROLES = ['textbox', 'spinbutton', 'checkbox', 'switch', 'combobox', 'radiogroup'];

async function fillElement(loc, value) {
  const info = await loc.evaluate((el) => ({ tag: el.tagName, type: el.getAttribute('type'), role: el.getAttribute('role') }));
  if (info.type === 'checkbox' || info.role === 'checkbox' || info.role === 'switch') return loc.setChecked(value === true || value === 'true');
  if (info.tag === 'SELECT') return loc.selectOption({ label: String(value) });
  if (info.role === 'radiogroup') return loc.getByRole('radio', { name: String(value), exact: true }).check();
  if (info.role === 'combobox') {
    await loc.click();
    return loc.page().getByRole('option', { name: String(value), exact: true }).click();
  }
  return loc.fill(String(value));
}

function findInputDef(cards, id) {
  const walk = (node) => {
    if (!node || typeof node !== 'object') return null;
    if (Array.isArray(node)) {
      for (const n of node) {
        const r = walk(n);
        if (r) return r;
      }
      return null;
    }
    if (typeof node.type === 'string' && node.type.startsWith('Input.') && node.id === id) return node;
    for (const v of Object.values(node)) {
      const r = walk(v);
      if (r) return r;
    }
    return null;
  };
  for (const c of [...cards].reverse()) {
    const r = walk(c);
    if (r) return r;
  }
  return null;
}

const norm = (s) => String(s).replace(/\s+/g, ' ').trim();

function matcher(expected, ignoreCase) {
  const parts = Array.isArray(expected) ? expected : [expected];
  const tests = parts.map((p) => {
    if (p instanceof RegExp) return (t) => p.test(t);
    const want = ignoreCase ? norm(p).toLowerCase() : norm(p);
    return (t) => (ignoreCase ? t.toLowerCase() : t).includes(want);
  });
  return (text) => tests.every((t) => t(text));
}

function describe(expected) {
  return (Array.isArray(expected) ? expected : [expected]).map((p) => (p instanceof RegExp ? String(p) : JSON.stringify(p))).join(' and ');
}

/** Waits until something accepts TCP connections at the bot endpoint's host:port. */
export async function waitForBot(botEndpoint, timeoutMs = 30_000) {
  const { hostname, port, protocol } = new URL(botEndpoint);
  const net = await import('node:net');
  const p = Number(port) || (protocol === 'https:' ? 443 : 80);
  const host = hostname.replace(/^\[|\]$/g, '');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ok = await new Promise((resolve) => {
      const s = net.connect({ host, port: p }, () => {
        s.destroy();
        resolve(true);
      });
      s.on('error', () => resolve(false));
      s.setTimeout(1000, () => {
        s.destroy();
        resolve(false);
      });
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`nothing listens at ${host}:${p} (bot endpoint ${botEndpoint}) after ${timeoutMs} ms`);
    await sleep(250);
  }
}
