// Issue 4's done-when: Alex makes svc-sync a service account, asks at once for impersonation with a justification (the
// plan waits for the mailbox Exchange is still making), Megan
// sees the approval card in her personal chat (her own Playground) and approves it, Alex sees who approved and then
// the report, and the role group with ApplicationImpersonation and svc-sync's group is in the simulated Exchange.

export const description =
  'grant impersonation: Alex asks, Megan approves on her card, the plan runs and the role group is in Exchange';
export const users = ['alex', 'megan'];

const ASK = 'grant impersonation to svc-sync because Salesforce Exchange Sync for sales team';
const SANDBOX_TOKEN = { Authorization: 'Bearer sandbox-token', 'Content-Type': 'application/json' };

export async function run({ alex, megan, step, check, bot }) {
  const base = new URL(bot).origin;
  let number;

  await step('Alex creates svc-sync, a service account with a mailbox', async () => {
    await alex.send('create service account svc-sync');
    await alex.waitForCardContaining(['Created svc-sync@example.com', 'password is stored in'], { timeout: 30_000 });
  });

  // Alex asks at once: the mailbox is still being made, and the plan waits for it (one approval, not two).
  await step('Alex asks and gets a "waiting for approval" card with the request number and the plan', async () => {
    await alex.send(ASK);
    const card = await alex.waitForCardContaining(
      ['Approval request', 'Waiting for approval', "Create the role group 'Exchange sync role group'"],
      { timeout: 30_000 },
    );
    number = card.match(/R-[0-9A-Z]{6}/)?.[0];
    check(number, `no request number on Alex's card: ${card}`);
    check(!card.includes('Megan Bowen did not get'), `Alex's card says Megan was not reached: ${card}`);
  });

  await step("Megan's personal chat shows the card with the plan, Approve and Reject", async () => {
    await megan.waitForCardContaining([number, 'Alex Wilber', 'Salesforce Exchange Sync for sales team', 'Approve', 'Reject'], {
      timeout: 30_000,
      since: 0,
    });
  });

  await step('Megan approves with a comment; her card turns into the outcome', async () => {
    await megan.fillCardInput('comment', 'ok for the sales team', { card: number });
    await megan.clickCardButton('Approve', { card: number });
    // The invoke answer ("You approved request …") is replaced at once by the update every copy gets.
    const card = await megan.waitForCardContaining([number, 'Approved by Megan Bowen', 'ok for the sales team']);
    check(!/\bApprove Reject\b/.test(card), `Megan's decided card still offers the buttons: ${card}`);
  });

  await step('Alex is told who approved, then gets the report of what was done', async () => {
    await alex.waitForBotText([number, 'approved by Megan Bowen', 'now being carried out'], { since: 0, timeout: 30_000 });
    const report = await alex.waitForCardContaining(
      ['Grant ApplicationImpersonation to svc-sync@example.com', 'holds ApplicationImpersonation', 'has a mailbox'],
      { since: 0, timeout: 60_000 },
    );
    check(!report.includes('Failed:'), `a step failed: ${report}`);
    await alex.waitForCardContaining([number, 'Approved by Megan Bowen and done'], { since: 0, timeout: 30_000 });
  });

  await step('the simulated Exchange has the role group with the role, and svc-sync holds it through its group', async () => {
    const assignments = await cmdlet(base, 'Get-ManagementRoleAssignment', {
      Role: 'ApplicationImpersonation',
      GetEffectiveUsers: true,
    });
    const svcSync = assignments.filter((row) => JSON.stringify(row).toLowerCase().includes('svc-sync'));
    check(svcSync.length > 0, `nobody effectively named svc-sync holds the role: ${JSON.stringify(assignments)}`);
    check(
      svcSync.some((row) => JSON.stringify(row).includes('Exchange sync role group')),
      `svc-sync holds the role, but not through the role group: ${JSON.stringify(svcSync)}`,
    );
  });
}

async function cmdlet(base, name, parameters) {
  const response = await fetch(`${base}/sandbox/exchange/adminapi/beta/00000000-0000-0000-0000-0000000000001/InvokeCommand`, {
    method: 'POST',
    headers: SANDBOX_TOKEN,
    body: JSON.stringify({ CmdletInput: { CmdletName: name, Parameters: parameters } }),
  });
  if (!response.ok) throw new Error(`${name} answered ${response.status}: ${await response.text()}`);
  return (await response.json()).value ?? [];
}
