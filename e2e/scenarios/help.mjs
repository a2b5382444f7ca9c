// help, did-you-mean and whoami, as Alex Wilber in his personal chat with the bot.

export const description = 'help card, did-you-mean on a typo, whoami';
export const users = ['alex'];

export async function run({ alex, step }) {
  await step('"help" answers with a card listing the commands', async () => {
    await alex.send('help');
    await alex.waitForCardContaining('create service account');
  });

  await step('a typo gets a did-you-mean', async () => {
    await alex.send('crate service acount svc1');
    await alex.waitForBotText(['Did you mean', 'create service account']);
  });

  await step('"whoami" names Alex and his role', async () => {
    await alex.send('whoami');
    await alex.waitForBotText(['Alex Wilber', 'provisioning admin'], { ignoreCase: true });
  });
}
