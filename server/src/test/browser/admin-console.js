// A bank sets itself up through the admin console (issue 13), on a server started with the demo off:
//   BASE_URL=http://127.0.0.1:8080 BOOTSTRAP_TOKEN=<printed at first start> CUSTOMER_TOKEN=<JWT signed by the bank's key> \
//   NODE_PATH=<repo>/tools/browser/node_modules node server/src/test/browser/admin-console.js
// The first administrator comes in on /setup, creates users, advisors' skills, a queue and the knowledge base in
// /admin; a customer holding the bank's token chats and asks for a person; the Cantonese-speaking advisor is offered
// the chat. Prints "ADMIN CONSOLE OK" and exits 0, or every problem it saw ("PROBLEM: ...") and
// "ADMIN CONSOLE FAILED" and exits 1.
const path = require('path');
const { BASE, SHOTS, openPage, signInOn, expectation } = require('./harness.js');

const ROOT_PASSWORD = 'first-admin-pass-9';
const STAFF_PASSWORD = 'tea-garden-41';

const YUE_CSV = `faq_id,language,question,answer,product
lost_card_hk,yue,我張信用卡唔見咗點算？,請即刻打24小時熱線 3999 1234 掛失，新卡5個工作天寄到。,cards
lost_card_hk,yue,信用卡唔見咗,,
lost_card_hk,yue,我想掛失信用卡,,
`;
const BROKEN_ROW = 5;
const YUE_BROKEN = `${YUE_CSV}atm_fee,yue,櫃員機提款收唔收手續費？,,general
`;
const EN_CSV = `faq_id,language,question,answer,product
lost_card_hk,en,I lost my credit card,Call our 24-hour hotline 3999 1234 to block it; a new card arrives in 5 working days.,cards
lost_card_hk,en,My credit card is missing,,
`;

let step = 'start';
const browsers = [];
const problems = [];
const expect = expectation(problems, () => step);

const newPage = (name) => openPage(browsers, name);

const signIn = (page, user, password, home) => signInOn(page, user, home, { password });

async function section(page, name) {
  await page.click(`#sections button[data-section="${name}"]`);
  await page.waitForFunction((n) => document.body.dataset.loaded === n, name);
}

/** Clicks a form's button and waits for the page to say it was saved; a refusal is reported with its words. */
async function save(page, button) {
  await page.evaluate(() => {
    document.getElementById('done').hidden = true;
    document.getElementById('message').hidden = true;
    document.querySelectorAll('.field-error').forEach((e) => e.remove());
  });
  await page.click(button);
  await page.waitForSelector('#done:not([hidden]), #message:not([hidden]), .field-error');
  const refusal = await page.evaluate(() => [...document.querySelectorAll('#message:not([hidden]), .field-error')].map((e) => e.textContent).join('; '));
  expect(refusal === '', `${button} was refused: ${refusal}`);
}

async function createUser(page, { username, displayName, roles, regions = 'HK', language = 'en', password = STAFF_PASSWORD }) {
  await page.click('#user-new');
  const form = '#user-form';
  await page.fill(`${form} [name=username]`, username);
  if (displayName) await page.fill(`${form} [name=displayName]`, displayName);
  for (const role of roles) await page.check(`${form} [name=roles][value=${role}]`);
  await page.fill(`${form} [name=regions]`, regions);
  await page.selectOption(`${form} [name=language]`, language);
  await page.fill(`${form} [name=password]`, password);
  await page.click(`${form} button[type=submit]`);
}

/** Replaces a row editor's rows: items are [{field: value}], filled through the inputs named by their API path. */
async function setRows(page, container, path, items) {
  while (await page.$(`${container} .row`)) await page.click(`${container} .row .remove`);
  for (let i = 0; i < items.length; i++) {
    await page.click(`${container} .add`);
    for (const [field, value] of Object.entries(items[i])) {
      const selector = `${container} [data-field="${path}[${i}].${field}"]`;
      const tag = await page.$eval(selector, (e) => `${e.tagName}:${e.type}`);
      if (tag.startsWith('SELECT')) await page.selectOption(selector, String(value));
      else if (tag.endsWith(':checkbox')) await page.setChecked(selector, Boolean(value));
      else await page.fill(selector, String(value));
    }
  }
}

async function uploadKb(page, language, name, csv) {
  await page.selectOption('#kb-language', language);
  await page.setInputFiles('#kb-file', { name, mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await page.evaluate(() => { document.getElementById('kb-outcome').textContent = ''; });
  await page.click('#kb-upload button[type=submit]');
  await page.waitForFunction(() => document.getElementById('kb-outcome').textContent !== '');
  return page.$eval('#kb-outcome', (e) => e.dataset.valid);
}

// the page a user gets when opening the url (a 403 has no page for page.goto to land on)
async function status(page, url) {
  const response = await page.context().request.get(url, { maxRedirects: 0 });
  return response.status();
}

async function run() {
  step = 'the first administrator is created with the one-time token on /setup';
  const admin = await newPage('admin');
  await admin.goto(`${BASE}/setup`);
  await admin.waitForSelector('body[data-ready="true"]');
  await admin.fill('#setup-form [name=token]', 'guessed-token');
  await admin.fill('#setup-form [name=username]', 'root');
  await admin.fill('#setup-form [name=password]', ROOT_PASSWORD);
  await admin.click('#setup-form button[type=submit]');
  await admin.waitForSelector('#setup-form .field-error[data-error-for="token"]');
  await admin.fill('#setup-form [name=token]', process.env.BOOTSTRAP_TOKEN);
  await admin.fill('#setup-form [name=password]', ROOT_PASSWORD);
  await save(admin, '#setup-form button[type=submit]');
  expect(!(await admin.$('#setup-form .field-error')), 'the accepted token still shows an error');

  step = 'the administrator signs in and lands in the admin console';
  await signIn(admin, 'root', ROOT_PASSWORD, '/admin');

  step = 'users: two advisors, a compliance officer and a customer login';
  await createUser(admin, { username: 'ava', displayName: 'Ava Yuen', roles: ['ADVISOR'], language: 'zh-Hant' });
  await admin.waitForSelector('#user-list tr[data-user="ava"]');
  await admin.fill('#sip-form [name=sipPassword]', 'phone-ava-5678');
  await save(admin, '#sip-form button[type=submit]');
  await admin.waitForFunction(() => document.querySelector('#user-list tr[data-user="ava"] td:nth-of-type(6)').textContent === '✓');
  await createUser(admin, { username: 'ben', displayName: 'Ben Lee', roles: ['ADVISOR'] });
  await admin.waitForSelector('#user-list tr[data-user="ben"]');
  await createUser(admin, { username: 'cora', displayName: 'Cora Compliance', roles: ['COMPLIANCE'] });
  await admin.waitForSelector('#user-list tr[data-user="cora"]');
  await createUser(admin, { username: 'chan', displayName: 'Chan (app login)', roles: ['CUSTOMER'], language: 'zh-Hant' });
  await admin.waitForSelector('#user-list tr[data-user="chan"]');

  step = "an administrator resets ben's password";
  await admin.click('#user-list tr[data-user="ben"] button.edit');
  await admin.waitForSelector('#user-credentials:not([hidden])');
  await admin.fill('#password-form [name=password]', 'quiet-harbour-58');
  await save(admin, '#password-form button[type=submit]');

  step = 'a duplicate user name is refused next to the field and changes nothing';
  const usersBefore = await admin.$$eval('#user-list tbody tr', (r) => r.length);
  await createUser(admin, { username: 'ava', roles: ['SUPERVISOR'] });
  await admin.waitForSelector('#user-form .field-error[data-error-for="username"]');
  expect(await admin.$eval('#user-form .field-error[data-error-for="username"]', (e) => e.previousElementSibling.name === 'username'),
    'the duplicate-name error is not next to the user name field');
  expect(await admin.$$eval('#user-list tbody tr', (r) => r.length) === usersBefore, 'a refused user was added to the list');
  await admin.screenshot({ path: path.join(SHOTS, 'admin-console-users.png'), fullPage: true });

  step = 'advisors: a custom skill, then skills with levels and capacity';
  await section(admin, 'advisors');
  await admin.fill('#skill-form [name=name]', 'securities-licence');
  await admin.fill('#skill-form [name=label]', 'Type 1 licence');
  await save(admin, '#skill-form button[type=submit]');
  for (const [name, skills, chat] of [['ava', [{ skill: 'lang.yue', level: 9 }, { skill: 'product.cards', level: 8 }], 3],
    ['ben', [{ skill: 'lang.en', level: 9 }, { skill: 'product.cards', level: 5 }, { skill: 'securities-licence', level: 3 }], 2]]) {
    await admin.click(`#advisor-list tr[data-advisor="${name}"] button.edit`);
    await admin.waitForSelector('#advisor-form:not([hidden])');
    await setRows(admin, '#advisor-skills', 'skills', skills);
    await admin.fill('#advisor-form [name=chatCapacity]', String(chat));
    await save(admin, '#advisor-form button[type=submit]');
  }
  const avaSkills = await admin.$eval('#advisor-list tr[data-advisor="ava"] td:nth-of-type(3)', (e) => e.textContent);
  expect(avaSkills.includes('9') && avaSkills.includes('8'), `ava's skills read "${avaSkills}"`);

  step = 'queues: an SLA of -5 s is refused next to its field, then the cards queue is created';
  await section(admin, 'queues');
  await admin.click('#queue-new');
  await admin.fill('#queue-form [name=id]', 'cards');
  await admin.fill('#queue-form [name="names.en"]', 'Cards');
  await admin.fill('#queue-form [name="names.zh-Hans"]', '银行卡');
  await admin.fill('#queue-form [name="names.zh-Hant"]', '信用卡');
  await admin.selectOption('#queue-form [name=product]', 'product.cards');
  await admin.fill('#queue-form [name=slaSeconds]', '-5');
  await setRows(admin, '#queue-relaxation', 'relaxation', [{ afterSeconds: 60, levelDrop: 2 }]);
  await setRows(admin, '#queue-holidays', 'holidays', [{ date: '2099-12-25', name: 'Christmas Day' }]);
  await setRows(admin, '#queue-wrapup', 'wrapUpCodes', [{ code: 'RESOLVED', label: 'Resolved' }, { code: 'CARD_BLOCKED', label: 'Card blocked' }]);
  await setRows(admin, '#queue-breaks', 'breakCodes', [{ code: 'lunch', label: 'Lunch' }]);
  await admin.selectOption('#queue-form [name=outsideHours]', 'CALLBACK');
  await admin.click('#queue-form button[type=submit]');
  await admin.waitForSelector('#queue-form .field-error[data-error-for="slaSeconds"]');
  expect(await admin.$$eval('#queue-list tbody tr', (r) => r.length) === 0, 'the refused queue was listed');
  await admin.fill('#queue-form [name=slaSeconds]', '30');
  await admin.click('#queue-form button[type=submit]');
  await admin.waitForSelector('#queue-list tr[data-queue="cards"]');
  expect(!(await admin.$('#queue-form .field-error')), 'the accepted queue still shows an error');

  step = 'VIP tiers: the Premier tier gets a routing weight';
  await section(admin, 'tiers');
  await admin.click('#tier-list tr[data-tier="PREMIER"] button.edit');
  await admin.fill('#tier-form [name=routingWeight]', '1.5');
  await save(admin, '#tier-form button[type=submit]');
  await admin.waitForFunction(() => document.querySelector('#tier-list tr[data-tier="PREMIER"] td:nth-of-type(3)').textContent === '1.5');

  step = 'knowledge base: a broken row is refused by its number and nothing changes';
  await section(admin, 'kb');
  const versionBefore = await admin.$eval('#kb-current', (e) => e.textContent);
  expect(await uploadKb(admin, 'yue', 'faq-yue.csv', YUE_BROKEN) === 'false', 'the broken file was accepted');
  await admin.waitForSelector(`#kb-problems:not([hidden]) tr[data-row="${BROKEN_ROW}"]`);
  await admin.screenshot({ path: path.join(SHOTS, 'admin-console-kb-refused.png'), fullPage: true });
  const draft = await admin.evaluate(() => fetch('/api/admin/knowledge-base/yue?draft=true').then((r) => r.status));
  expect(draft === 404, `a refused file left a draft (${draft})`);

  step = 'knowledge base: Cantonese and English uploaded, previewed and published';
  expect(await uploadKb(admin, 'yue', 'faq-yue.csv', YUE_CSV) === 'true', 'the Cantonese file was refused');
  expect(await admin.$eval('#kb-problems', (e) => e.hidden), 'the problems of the refused file are still shown');
  expect(await uploadKb(admin, 'en', 'faq-en.csv', EN_CSV) === 'true', 'the English file was refused');
  await admin.fill('#kb-questions', '我張信用卡唔見咗點算？\nI lost my credit card');
  await admin.click('#kb-preview button[type=submit]');
  await admin.waitForSelector('#kb-answers tbody tr');
  const previewed = await admin.$$eval('#kb-answers tbody tr', (rows) => rows.map((r) => r.dataset.faq));
  expect(previewed.length === 2 && previewed.every((f) => f === 'lost_card_hk'), `the preview answered from ${previewed}`);
  await admin.click('#kb-publish');
  await admin.waitForFunction((v) => document.getElementById('kb-current').textContent !== v, versionBefore);
  const published = await admin.$eval('#kb-current', (e) => e.textContent);
  await admin.waitForSelector(`#kb-versions tr[data-version="${published}"]`);

  step = 'knowledge base: the shipped version restored, then the uploaded one again';
  await admin.click('#kb-versions tr[data-version="0"] button.restore');
  await admin.waitForFunction((v) => document.getElementById('kb-current').textContent !== v, published);
  const restoredShipped = await admin.$eval('#kb-current', (e) => e.textContent);
  await admin.click(`#kb-versions tr[data-version="${published}"] button.restore`);
  await admin.waitForFunction((v) => document.getElementById('kb-current').textContent !== v, restoredShipped);
  const versions = await admin.$$eval('#kb-versions tbody tr', (rows) => rows.map((r) => r.dataset.version));
  expect(versions.includes(published) && versions.includes(restoredShipped) && versions.length >= 4,
    `the versions listed are ${versions}`);

  step = 'the audit log shows who changed what, before and after';
  await section(admin, 'audit');
  const audit = await admin.$$eval('#audit-list tbody tr', (rows) => rows.map((r) => ({ entity: r.dataset.entity, action: r.dataset.action,
    by: r.cells[1].textContent, after: r.cells[5].textContent })));
  for (const entity of ['user:ava', 'user:cora', 'queue:cards', 'advisor:ava', 'vip-tier:PREMIER', 'skill:securities-licence']) {
    expect(audit.some((a) => a.entity === entity && a.by === 'root'), `no audit entry by root for ${entity}`);
  }
  expect(audit.some((a) => a.entity === 'advisor:ava' && a.after.includes('product.cards')), 'the advisor change does not show the skills after it');
  expect(audit.some((a) => a.entity === 'user:ava' && a.action === 'sip-set'), 'setting the SIP password is not audited');
  expect(audit.some((a) => a.entity === 'user:ben' && a.action === 'password'), 'the password reset is not audited');

  step = 'the console is reachable from the supervisor dashboard for an administrator';
  await admin.goto(`${BASE}/supervisor`);
  await admin.waitForSelector('body[data-ready="true"]');
  await Promise.all([admin.waitForURL('**/admin'), admin.click('#consoles a[href="/admin"]')]);
  await admin.waitForSelector('body[data-ready="true"]');

  step = 'advisors sign in and are Ready; the console is refused to them';
  const ava = await signIn(await newPage('ava'), 'ava', STAFF_PASSWORD, '/agent');
  const ben = await signIn(await newPage('ben'), 'ben', 'quiet-harbour-58', '/agent');
  const avaLocale = await ava.evaluate(() => document.documentElement.lang);
  expect(avaLocale === 'zh-Hant', `ava's console opened in ${avaLocale}, not the Traditional Chinese the administrator chose for her`);
  for (const advisor of [ava, ben]) {
    expect(!(await advisor.$('#consoles a[href="/admin"]')), 'an advisor is shown a link to the admin console');
    await advisor.waitForFunction(() => document.querySelector('#presence-state').dataset.state);
    await advisor.selectOption('#presence', 'READY');
    await advisor.click('#presence-form button[type=submit]');
    await advisor.waitForFunction(() => document.querySelector('#presence-state').dataset.state === 'READY');
  }
  expect(await status(ava, `${BASE}/admin`) === 403, 'an advisor opened the admin console');
  const probe = await signIn(await newPage('cora'), 'cora', STAFF_PASSWORD, '/compliance');
  expect(await status(probe, `${BASE}/admin`) === 403, 'a compliance officer opened the admin console');
  const refusedApi = await probe.evaluate(() => fetch('/api/admin/users').then((r) => r.status));
  expect(refusedApi === 403, `a compliance officer read /api/admin/users (${refusedApi})`);

  step = 'a customer holding the bank-issued token is answered from the uploaded knowledge base';
  const customer = await newPage('customer');
  // the bank's app hands the page its identity provider's token where the demo issuer would
  await customer.route('**/demo-identity/token', (route) => route.fulfill({ status: 200, contentType: 'application/json',
    body: JSON.stringify({ token: process.env.CUSTOMER_TOKEN, tokenType: 'Bearer', expiresIn: 1800 }) }));
  await signIn(customer, 'chan', STAFF_PASSWORD, '/customer');
  await customer.click('button[data-language="yue"]');
  await customer.waitForSelector('#transcript li[data-speaker="BOT"]');
  const before = await customer.$$eval('#transcript li', (l) => l.length);
  await customer.fill('#chat-input', '我張信用卡唔見咗點算？');
  await customer.press('#chat-input', 'Enter');
  await customer.waitForFunction((n) => document.querySelectorAll('#transcript li').length >= n + 2
    && document.querySelector('#transcript li:last-child').dataset.speaker === 'BOT', before);
  const answer = await customer.$eval('#transcript li:last-child', (e) => e.textContent);
  expect(answer.includes('3999 1234'), `the assistant answered "${answer}"`);

  step = 'the customer asks for a person and the Cantonese-speaking advisor is offered the chat';
  await customer.click('#ask-chat');
  await ava.waitForSelector('#offer:not([hidden])');
  const offer = await ava.$eval('#offer-context', (e) => e.textContent);
  expect(offer.includes('陳大文'), `the offer does not name the customer from the bank's token: "${offer}"`);
  expect(await ben.$eval('#offer', (e) => e.hidden), 'the English-speaking advisor was offered the Cantonese chat');
  await ava.click('#accept');
  await customer.waitForFunction(() => document.body.dataset.status === 'CONNECTED');
  await ava.screenshot({ path: path.join(SHOTS, 'admin-console-offer.png'), fullPage: true });

  step = 'in Traditional Chinese the console shows no English label, and errors in Chinese';
  const en = await admin.evaluate(() => fetch('/i18n/en.json').then((r) => r.json()));
  await admin.click('#langs button[lang="zh-Hant"]');
  await admin.waitForFunction(() => document.documentElement.lang === 'zh-Hant');
  const hant = await admin.evaluate(() => fetch('/i18n/zh-Hant.json').then((r) => r.json()));
  const untranslated = await admin.evaluate((bundle) => [...new Set([...document.querySelectorAll('[data-i18n]')]
    .map((e) => e.dataset.i18n))].filter((key) => typeof bundle[key] !== 'string'), hant);
  expect(untranslated.length === 0, `strings of the console missing in Traditional Chinese, shown or not: ${untranslated}`);
  for (const name of ['users', 'advisors', 'queues', 'tiers', 'kb', 'audit']) {
    await section(admin, name);
    if (name === 'advisors') {
      await admin.click('#advisor-list tr[data-advisor="ava"] button.edit');
      await admin.waitForSelector('#advisor-skills .row');
    }
    if (name === 'queues') {
      await admin.click('#queue-list tr[data-queue="cards"] button.edit');
      await admin.fill('#queue-form [name=slaSeconds]', '-5');
      await admin.click('#queue-form button[type=submit]');
      await admin.waitForSelector('#queue-form .field-error[data-error-for="slaSeconds"]');
      const error = await admin.$eval('#queue-form .field-error[data-error-for="slaSeconds"]', (e) => e.textContent);
      expect(!/[A-Za-z]{3,}/.test(error), `the SLA error reads "${error}" in Traditional Chinese`);
    }
    const english = await admin.evaluate((bundle) => [...document.querySelectorAll('[data-i18n], [data-i18n-aria-label]')]
      .filter((e) => e.getClientRects().length > 0 || e.hasAttribute('data-i18n-aria-label'))
      .map((e) => (e.dataset.i18n ? [e.dataset.i18n, e.textContent] : [e.dataset.i18nAriaLabel, e.getAttribute('aria-label')]))
      .filter(([key, text]) => text === key || (/[A-Za-z]{3,}/.test(bundle[key] ?? '') && text === bundle[key]))
      .map(([key, text]) => `${key}="${text}"`), en);
    expect(english.length === 0, `English labels in the ${name} section: ${english.join(', ')}`);
    // and no label left in English by any other route: every visible label, column heading, button and link
    const latin = await admin.evaluate(() => [...document.querySelectorAll('legend, label > span, thead th, button, a, p.hint')]
      .filter((e) => e.getClientRects().length > 0 && !e.closest('#langs'))
      .map((e) => e.textContent.replace(/\b(CSV|FAQ|VIP|SIP|faq_id|language|question|answer|product|root|HK|cards)\b/g, '').trim())
      .filter((text) => /[A-Za-z]{3,}/.test(text)), en);
    expect(latin.length === 0, `Latin-script labels in the ${name} section: ${latin.join(' | ')}`);
    await admin.screenshot({ path: path.join(SHOTS, `admin-console-zh-Hant-${name}.png`), fullPage: true });
  }
}

(async () => {
  try {
    await run();
  } catch (e) {
    problems.push(`${step}: ${e.message}`);
    console.log(`PROBLEM: ${step}: ${e.stack}`);
  } finally {
    for (const b of browsers) await b.close().catch(() => {});
  }
  if (problems.length > 0) {
    console.log('ADMIN CONSOLE FAILED');
    process.exit(1);
  }
  console.log('ADMIN CONSOLE OK');
  process.exit(0);
})();
