// Issue 16's done-when, end to end in the Exchange Online flavour: Alex asks for Salesforce's set-up for the mailboxes
// of "Sales Team"; Megan sees on her card that Salesforce reads every mailbox today and only the group's afterwards,
// and approves; Alex gets the report ending with what the Salesforce admin does next; and the simulated tenant shows
// no tenant-wide mailbox permission left on Salesforce's app, Patti in scope and Isaiah out. Then the set-up is
// checked without naming the group (found from Salesforce's scope), and Alex removes Patti at once, with no approval.

export const description =
  "Exchange Online: setup exchange sync for group removes Salesforce's tenant-wide consent and scopes it to the group";
export const users = ['alex', 'megan'];

const ASK = 'setup exchange sync for group "Sales Team" because Einstein Activity Capture for the sales team';
const SANDBOX_TOKEN = { Authorization: 'Bearer sandbox-token', 'Content-Type': 'application/json' };
const SALESFORCE = 'c55d6177-918e-4745-96d3-1715194bc7e8';
const SALESFORCE_OBJECT = '5e1f5a1e-0000-4000-8000-000000000002';

export async function run({ alex, megan, step, check, bot }) {
  const base = new URL(bot).origin;
  let number;

  await step('Alex asks and gets a "waiting for approval" card that says what changes for Salesforce', async () => {
    await alex.send(ASK);
    const card = await alex.waitForCardContaining(['Approval request', 'Waiting for approval', 'Sales Team'], {
      timeout: 30_000,
    });
    number = card.match(/R-[0-9A-Z]{6}/)?.[0];
    check(number, `no request number on Alex's card: ${card}`);
  });

  await step("Megan's card says Salesforce reads every mailbox today, and only the group's afterwards", async () => {
    const card = await megan.waitForCardContaining([number, 'can today read every mailbox', 'Approve', 'Reject'], {
      timeout: 30_000,
      since: 0,
    });
    check(card.includes('2 mailboxes'), `the card does not count the group's mailboxes: ${card}`);
    check(card.includes('Application Calendars.ReadWrite'), `the card does not list Salesforce's roles: ${card}`);
  });

  await step('Megan approves; Alex gets the report, ending with what the Salesforce admin does next', async () => {
    await megan.clickCardButton('Approve', { card: number });
    await megan.waitForCardContaining([number, 'Approved by Megan Bowen']);
    const report = await alex.waitForCardContaining(['What happens next', 'Salesforce Setup', 'about two hours'], {
      since: 0,
      timeout: 60_000,
    });
    check(!report.includes('Failed:'), `a step failed: ${report}`);
  });

  await step("Salesforce's app holds no tenant-wide mailbox permission any more", async () => {
    const response = await fetch(
      `${base}/sandbox/graph/v1.0/servicePrincipals/${SALESFORCE_OBJECT}/appRoleAssignments`,
      { headers: SANDBOX_TOKEN },
    );
    check(response.ok, `appRoleAssignments answered ${response.status}`);
    const assignments = (await response.json()).value ?? [];
    check(assignments.length === 0, `permissions left: ${JSON.stringify(assignments)}`);
  });

  await step('Patti (in Sales Team) is in scope for Salesforce, Isaiah is not', async () => {
    const patti = await cmdlet(base, 'Test-ServicePrincipalAuthorization', {
      Identity: SALESFORCE,
      Resource: 'pattif@example.com',
    });
    const isaiah = await cmdlet(base, 'Test-ServicePrincipalAuthorization', {
      Identity: SALESFORCE,
      Resource: 'isaiahl@example.com',
    });
    check(patti.some((row) => row.InScope === true), `Patti is not in scope: ${JSON.stringify(patti)}`);
    check(!isaiah.some((row) => row.InScope === true), `Isaiah is in scope: ${JSON.stringify(isaiah)}`);
  });

  await step('verify exchange sync, with no group named, finds Sales Team and passes every check', async () => {
    await alex.send('verify exchange sync');
    const report = await alex.waitForCardContaining(["takes in the members of 'Sales Team'", 'Every check passed'], {
      timeout: 30_000,
    });
    check(report.includes('(yours, outside the group): Out of reach'), `Alex's own mailbox was not tried: ${report}`);
  });

  await step('Alex removes Patti from the sync: it runs at once, and Salesforce no longer reaches her', async () => {
    await alex.send('remove pattif@example.com from exchange sync because Patti moved to marketing');
    const report = await alex.waitForCardContaining(["pattif@example.com left 'Sales Team'", 'no longer reach'], {
      timeout: 30_000,
    });
    check(!report.includes('Failed:'), `a step failed: ${report}`);
    const patti = await cmdlet(base, 'Test-ServicePrincipalAuthorization', {
      Identity: SALESFORCE,
      Resource: 'pattif@example.com',
    });
    check(!patti.some((row) => row.InScope === true), `Patti is still in scope: ${JSON.stringify(patti)}`);
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
