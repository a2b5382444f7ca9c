// A test session: headless Chromium plus one Playground instance and one open chat page per user.
// Each Playground instance is its own Teams world with one current user, so a scenario with two people
// (Alex asks, Megan approves) needs two instances against the same bot. All pages are opened before the
// scenario starts: the Playground UI shows no history, so a page opened later would miss messages.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { openChat, resolveUser, startPlayground } from './playground.mjs';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Launches Debian's Chromium. playwright-core gives every launch a fresh temporary --user-data-dir of its
 * own (it refuses one in `args`) and deletes it on close.
 */
export async function launchBrowser({ headless = true } = {}) {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless,
    args: headless ? CHROMIUM_ARGS : CHROMIUM_ARGS.filter((a) => a !== '--headless'),
  });
}

/**
 * Starts one Playground per user (in parallel), then opens each user's chat page.
 * @param {object} o
 * @param {import('playwright-core').Browser} o.browser
 * @param {string} o.botEndpoint
 * @param {string[]} [o.users] user keys or names, e.g. ['alex', 'megan']; the first is the default chat
 * @param {number} [o.basePort] 0: free ports; otherwise basePort, basePort+1, ...
 * @param {(line: string) => void} [o.log]
 */
export async function startSession({ browser, botEndpoint, users = ['alex'], basePort = 0, readyTimeoutMs = 30_000, log = () => {} }) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-session-'));
  // Shared between the instances, as in one real tenant: the group chat and the team. Personal chat ids
  // stay distinct (and random) per instance.
  const groupChat = { id: crypto.randomUUID(), name: 'Group Chat' };
  const session = { root, playgrounds: {}, chats: {}, botEndpoint };

  session.close = async () => {
    for (const chat of Object.values(session.chats)) await chat.close().catch(() => {});
    await Promise.all(Object.values(session.playgrounds).map((p) => p.stop()));
    fs.rmSync(root, { recursive: true, force: true });
  };

  /** Screenshot of every open page, what each page received, and the Playground logs, into `dir`. */
  session.saveArtifacts = async (dir) => {
    fs.mkdirSync(dir, { recursive: true });
    const saved = [];
    for (const [key, chat] of Object.entries(session.chats)) {
      try {
        saved.push(await chat.screenshot(path.join(dir, `${key}.png`)));
      } catch (e) {
        log(`could not screenshot ${key}: ${e.message}`);
      }
      const events = path.join(dir, `${key}-events.jsonl`);
      fs.writeFileSync(events, chat.events.map((e) => JSON.stringify(e)).join('\n') + '\n');
      saved.push(events);
      try {
        const transcript = path.join(dir, `${key}-transcript.txt`);
        const msgs = await chat.messages();
        fs.writeFileSync(
          transcript,
          msgs.map((m) => `#${m.index} ${m.fromBot ? m.author : 'me'}: ${m.text}${m.banners.length ? `  [banner: ${m.banners.join(' | ')}]` : ''}`).join('\n') +
            (chat.pageErrors.length ? `\n\npage errors:\n${chat.pageErrors.join('\n')}` : '') +
            '\n',
        );
        saved.push(transcript);
      } catch (e) {
        log(`could not read ${key}'s messages: ${e.message}`);
      }
    }
    for (const [key, pg] of Object.entries(session.playgrounds)) {
      for (const f of pg.logFiles) {
        if (!fs.existsSync(f)) continue;
        const dest = path.join(dir, `${key}-${path.basename(f).replace(/^\./, '')}`);
        fs.copyFileSync(f, dest);
        saved.push(dest);
      }
    }
    return saved;
  };

  try {
    const keys = users.map((u) => keyOf(u));
    await Promise.all(
      keys.map(async (key, i) => {
        const pg = await startPlayground({
          botEndpoint,
          port: basePort ? basePort + i : 0,
          users: { currentUser: key, groupChat },
          workDir: path.join(root, key),
          label: key,
          readyTimeoutMs,
        });
        session.playgrounds[key] = pg;
        log(`playground for ${pg.currentUser.name} at ${pg.url} (pid ${pg.pid}, personal chat ${pg.config.personalChat.id})`);
      }),
    );
    await Promise.all(
      keys.map(async (key) => {
        const pg = session.playgrounds[key];
        session.chats[key] = await openChat(browser, pg.url, { label: pg.currentUser.givenName, log });
        log(`${pg.currentUser.name}'s chat is open; the bot acknowledged installation`);
      }),
    );
    // Same order as `users`, whatever order they finished in.
    session.chats = Object.fromEntries(keys.map((k) => [k, session.chats[k]]));
  } catch (e) {
    e.session = session;
    throw e;
  }
  return session;
}

/** Two users against the same bot: Alex Wilber (requester) and Megan Bowen (approver). */
export function startTwoUserSession(opts) {
  return startSession({ ...opts, users: ['alex', 'megan'] });
}

function keyOf(u) {
  const user = resolveUser(u);
  return user.givenName.toLowerCase();
}
