// Issue 3's done-when, on the sandbox's default Exchange Server: Alex creates a service account from the chat; the bot
// makes it with New-Mailbox in Active Directory through the simulated runner, as the article wants it, and the
// password appears nowhere on the page nor in the runner's job history.

export const description = 'create service account svc-demo: New-Mailbox in Active Directory, no password in chat or jobs';
export const users = ['alex'];

const SANDBOX_TOKEN = { Authorization: 'Bearer sandbox-token' };

export async function run({ alex, step, bot }) {
  const base = new URL(bot).origin;

  await step('"create service account svc-demo" answers that it made the account with its mailbox in Active Directory', async () => {
    await alex.send('create service account svc-demo');
    await alex.waitForCardContaining(['Created svc-demo@example.com', 'with its mailbox, in Active Directory', 'password is stored in'], { timeout: 30_000 });
  });

  await step('the account is not in Entra ID: Exchange Server keeps its users in Active Directory', async () => {
    const response = await fetch(`${base}/sandbox/graph/v1.0/users/svc-demo@example.com`, { headers: SANDBOX_TOKEN });
    check(response.status === 404, `Graph answered ${response.status} for svc-demo`);
  });

  await step('"verify svc-demo" finds it in Active Directory with a password that never expires and a mailbox', async () => {
    await alex.send('verify svc-demo');
    await alex.waitForCardContaining(['Verification of svc-demo@example.com', 'PasswordNeverExpires in Active Directory', 'The mailbox exists'], { timeout: 30_000 });
  });

  await step('the password is in the sandbox secret store, and neither on the page nor in any runner job', async () => {
    const response = await fetch(`${base}/sandbox/secrets/svc-demo-password`);
    check(response.ok, `secret store answered ${response.status}`);
    const password = (await response.text()).trim();
    check(password.length >= 24, 'a generated password of at least 24 characters');
    const page = await alex.page.content();
    check(!page.includes(password), 'the password appears in the chat page');
    const history = JSON.stringify(await getJson(`${base}/sandbox/control/runner/history`));
    check(history.includes('New-Mailbox'), 'the runner ran New-Mailbox');
    check(history.includes('svc-demo-password'), 'the job names the secret the runbook reads');
    check(!history.includes(password), 'the password appears in the runner job history');
  });
}

async function getJson(url) {
  const response = await fetch(url, { headers: SANDBOX_TOKEN });
  if (!response.ok) throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
  return response.json();
}

function check(condition, message) {
  if (!condition) throw new Error(message);
}
