// Issue 3's done-when: Alex creates a service account in the simulated tenant from the chat; the user exists there
// as the article wants it, and the password appears nowhere on the page.

export const description = 'create service account svc-demo: user in the simulated tenant, no password in chat';
export const users = ['alex'];

const SANDBOX_TOKEN = { Authorization: 'Bearer sandbox-token' };

export async function run({ alex, step, bot }) {
  const base = new URL(bot).origin;

  await step('"create service account svc-demo" answers with the steps it took', async () => {
    await alex.send('create service account svc-demo');
    await alex.waitForCardContaining(['Created svc-demo@example.com', 'E1', 'password is stored in'], { timeout: 30_000 });
  });

  await step('the simulated tenant has the user, enabled, with no forced password change, a password that never expires and an E1 licence', async () => {
    const user = await getJson(`${base}/sandbox/graph/v1.0/users/svc-demo@example.com?$select=id,accountEnabled,passwordProfile,passwordPolicies,assignedLicenses,usageLocation`);
    check(user.accountEnabled === true, `accountEnabled is ${user.accountEnabled}`);
    check(user.passwordProfile?.forceChangePasswordNextSignIn === false, `passwordProfile is ${JSON.stringify(user.passwordProfile)}`);
    check(user.passwordPolicies === 'DisablePasswordExpiration', `passwordPolicies is ${JSON.stringify(user.passwordPolicies)}`);
    check(user.passwordProfile?.password == null, 'the simulated Graph never returns the password');
    const skus = await getJson(`${base}/sandbox/graph/v1.0/subscribedSkus`);
    const e1 = skus.value.find((sku) => sku.skuPartNumber === 'STANDARDPACK');
    check(user.assignedLicenses.some((licence) => licence.skuId === e1.skuId), `assignedLicenses ${JSON.stringify(user.assignedLicenses)}`);
  });

  await step('the password is in the sandbox secret store and nowhere on the page', async () => {
    const response = await fetch(`${base}/sandbox/secrets/svc-demo-password`);
    check(response.ok, `secret store answered ${response.status}`);
    const password = (await response.text()).trim();
    check(password.length >= 24, 'a generated password of at least 24 characters');
    const page = await alex.page.content();
    check(!page.includes(password), 'the password appears in the chat page');
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
