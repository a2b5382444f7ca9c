// Issue 5's done-when: the knowledge article from one chat command to a green verification report. Alex asks for
// "setup exchange sync for svc-e2e", Megan approves on her card, one progress card in Alex's chat follows the run and
// ends as the report, and the verification report that follows passes every check.

export const description =
  'setup exchange sync for svc-e2e: approval by Megan, one progress card updated in place, a green verification report';
export const users = ['alex', 'megan'];

const ASK = 'setup exchange sync for svc-e2e because Salesforce Exchange Sync for the e2e team';
const TITLE = 'Set up Exchange sync for svc-e2e@example.com';

export async function run({ alex, megan, step, check }) {
  let number;

  await step('Alex asks; the approval card lists the whole procedure', async () => {
    await alex.send(ASK);
    const card = await alex.waitForCardContaining(
      ['Approval request', 'Create the user svc-e2e@example.com', 'New-Mailbox', 'ApplicationImpersonation'],
      { timeout: 30_000 },
    );
    number = card.match(/R-[0-9A-Z]{6}/)?.[0];
    check(number, `no request number on Alex's card: ${card}`);
  });

  await step('Megan approves on the card in her personal chat', async () => {
    await megan.waitForCardContaining([number, 'Approve', 'Reject'], { timeout: 30_000, since: 0 });
    await megan.clickCardButton('Approve', { card: number });
    await megan.waitForCardContaining([number, 'Approved by Megan Bowen']);
  });

  await step("Alex's progress card shows the run and ends as the report, every step done", async () => {
    const report = await alex.waitForCardContaining([TITLE, 'holds ApplicationImpersonation', 'password is stored in'], {
      since: 0,
      timeout: 90_000,
    });
    check(!report.includes('❌') && !report.includes('Failed:'), `a step failed: ${report}`);
    check(report.includes('Done:'), `the steps are not marked in words: ${report}`);
    check(!report.includes('(now)'), `the card still shows a running step: ${report}`);
  });

  await step('one progress card, updated in place, not one message per step', async () => {
    const cards = (await alex.messages()).filter(
      (m) => m.fromBot && m.text.includes(TITLE) && !m.text.includes('Approval request'),
    );
    check(cards.length === 1, `expected one progress card, found ${cards.length}: ${cards.map((c) => c.text).join(' | ')}`);
  });

  await step('the verification report checks the tenant and passes', async () => {
    const verification = await alex.waitForCardContaining(['Verification of svc-e2e@example.com', 'Every check passed'], {
      since: 0,
      timeout: 30_000,
    });
    check(verification.includes('Holds ApplicationImpersonation'), `no impersonation check: ${verification}`);
  });

  await step('the approval card says done', async () => {
    await alex.waitForCardContaining([number, 'Approved by Megan Bowen and done'], { since: 0, timeout: 30_000 });
  });
}
