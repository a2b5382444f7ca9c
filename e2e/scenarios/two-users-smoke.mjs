// Two Playground instances against one bot: Alex Wilber and Megan Bowen, each in a personal chat.
// Groundwork for the approval scenario (Alex asks, Megan approves on a card, Alex sees the outcome).

export const description = 'Alex and Megan each ask whoami in their own Playground';
export const users = ['alex', 'megan'];

export async function run({ alex, megan, step, check }) {
  await step('Alex: whoami', async () => {
    await alex.send('whoami');
    const text = await alex.waitForBotText('Alex Wilber');
    check(!text.includes('Megan'), `Alex's answer mentions Megan: ${text}`);
  });

  await step('Megan: whoami', async () => {
    await megan.send('whoami');
    const text = await megan.waitForBotText('Megan Bowen');
    check(!text.includes('Alex'), `Megan's answer mentions Alex: ${text}`);
  });

  await step("neither saw the other's conversation", async () => {
    check(!(await alex.lastBotMessageText()).includes('Megan'), "Alex's page shows Megan's answer");
    check(!(await megan.lastBotMessageText()).includes('Alex'), "Megan's page shows Alex's answer");
  });
}
