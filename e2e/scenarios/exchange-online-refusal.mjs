// Issue 5, the Exchange Online flavour: ApplicationImpersonation no longer exists there, so an impersonation plan is
// refused before anyone is asked to approve it, with the dates and the modern alternative (Salesforce's set-up through
// RBAC for Applications) prefilled.

export const description =
  "Exchange Online: grant impersonation is refused with the dates and Salesforce's set-up prefilled";
export const users = ['alex'];

export async function run({ alex, step, check }) {
  await step('Alex asks for impersonation and is told why not, and what to type instead', async () => {
    await alex.send('grant impersonation to alexw because Salesforce Exchange Sync');
    const answer = await alex.waitForBotText(['ApplicationImpersonation', 'setup exchange sync for group'], {
      timeout: 30_000,
    });
    check(answer.includes('2025'), `no date in the refusal: ${answer}`);
    check(answer.includes('mailboxes to sync'), `the alternative does not ask for the group to sync: ${answer}`);
    check(answer.includes('did not open an approval request'), `unclear whether a request was opened: ${answer}`);
  });

  await step('no approval request was opened', async () => {
    await alex.send('requests mine');
    const answer = await alex.waitForBotText(['approval'], { timeout: 30_000 });
    check(!/R-[0-9A-Z]{6}/.test(answer), `a request was opened: ${answer}`);
  });
}
