// Documents in a call (issue 22 items 2 to 4), on a running server with the demo data whose queues' libraries hold
// fees.pdf and address.form.json (run by AdvisorsWorkingDayInBrowserTest, whose server it shares; it leaves alice Not ready and
// nobody waiting):
//   BASE_URL=http://127.0.0.1:8080 NODE_PATH=<repo>/tools/browser/node_modules node server/src/test/browser/documents.js
// The Cantonese customer chan calls alice by voice (an app customer on a voice call). Alice sends the fee table from
// the queue's library: chan reads it in the page (a PDF in an <iframe> of a same-origin blob). Chan sends a photo back:
// alice sees it. Alice sends a form: chan fills it, draws a signature and signs; both see the signed document. After
// the call the compliance officer finds the three documents and the signed form on the recording's timeline, views the
// signed form (its SHA-256 matches the recording's) and verifies the recording. Prints "DOCUMENTS RESULT <json>" (the
// recording id and what the timeline holds) and "DOCUMENTS OK", or every problem ("PROBLEM: ...") and "DOCUMENTS
// FAILED", exiting 1 (after a failure every page is saved as server/target/screenshots/documents-failed-*.png).
const { inCallSignIn, expectation, finish } = require('./harness.js');
const { takeBreak, hangUp, wrapUp, reachAdvisor, fromSealedRecording } = require('./consoles.js');

// a 1x1 PNG: the customer's "photo"
const PHOTO = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

let step = 'start';
const browsers = [];
const problems = [];
const expect = expectation(problems, () => step);

const signIn = inCallSignIn(browsers);

const item = (id) => `#documents-list li[data-document="${id}"]`;

async function main() {
  step = 'a Cantonese customer reaches the advisor on a voice call';
  const { customer, advisor } = await reachAdvisor(signIn, 'chan', 'yue', 'alice', 'voice');

  step = 'the advisor sends the fee table from the queue\'s library; the customer reads it in the page';
  await advisor.waitForSelector('#documents:not([hidden]) #document-library option[value="fees.pdf"]', { state: 'attached' });
  await advisor.waitForSelector('#document-send:not([disabled])');
  await advisor.selectOption('#document-library', 'fees.pdf');
  await advisor.click('#document-send');
  await customer.waitForSelector(item('d1'));
  await customer.click(`${item('d1')} button`);
  await customer.waitForSelector('#documents-viewer iframe.pdf[data-loaded="true"]', { state: 'attached' });
  expect((await customer.$eval('#documents-viewer iframe.pdf', (f) => f.src)).startsWith('blob:'), 'the PDF is not shown from a same-origin blob');
  const heading = await customer.textContent('#documents-heading');
  expect(!/[A-Za-z]{4,}/.test(heading), `the Cantonese customer reads "${heading}"`);

  step = 'the customer sends a photo back; the advisor sees it';
  await customer.waitForSelector('#document-file:not([disabled])', { state: 'attached' });
  await customer.setInputFiles('#document-file', { name: 'id-card.png', mimeType: 'image/png', buffer: PHOTO });
  await advisor.waitForSelector(item('d2'));
  await advisor.click(`${item('d2')} button`);
  await advisor.waitForFunction(() => document.querySelector('#documents-viewer img')?.naturalWidth > 0);

  step = 'the advisor sends a form; the customer fills it in, signs and both see the signed document';
  await advisor.selectOption('#document-library', 'address.form.json');
  await advisor.click('#document-send');
  await customer.waitForSelector(`${item('d3')}[data-kind="form"]`);
  await customer.click(`${item('d3')} button`);
  await customer.waitForSelector('#sign-d3');
  await customer.fill('#form-d3-street', '1 Queen\'s Road Central');
  await customer.check('#form-d3-agree');
  const pad = await customer.$('#sign-d3 canvas');
  const box = await pad.boundingBox();
  await customer.mouse.move(box.x + 20, box.y + 70);
  await customer.mouse.down();
  for (let x = 30; x < 300; x += 15) await customer.mouse.move(box.x + x, box.y + 70 + ((x / 15) % 2 ? -25 : 25));
  await customer.mouse.up();
  await customer.click('#sign-d3 button[type=submit]');
  await customer.waitForSelector('#documents-viewer .signed-document');
  expect((await customer.textContent('#documents-viewer')).includes('1 Queen\'s Road Central'), 'the customer does not see the signed fields');
  await advisor.waitForSelector(item('signed-d4'));
  await advisor.click(`${item('signed-d4')} button`);
  await advisor.waitForSelector('#documents-viewer .signed-document img.signature');
  const signedShown = await advisor.textContent('#documents-viewer');
  expect(/chan/i.test(signedShown) && signedShown.includes('1 Queen\'s Road Central'), `the advisor reads "${signedShown}"`);

  step = 'the call ends';
  await hangUp(advisor);
  await customer.waitForFunction(() => document.body.dataset.status === 'ENDED');
  await wrapUp(advisor);
  await takeBreak(advisor);

  step = 'the compliance officer sees the documents on the timeline, views the signed form and verifies';
  const officer = await signIn('connie', '/compliance');
  const found = await fromSealedRecording(officer, { purpose: 'documents test', attempts: 120 }, ({ id, timeline }) =>
    timeline.some((e) => e.kind === 'SIGNED_DOCUMENT') && {
      id, documents: timeline.filter((e) => e.kind === 'DOCUMENT' || e.kind === 'SIGNED_DOCUMENT').map((e) => ({ ...e.attributes, entry: e.kind, actor: e.actor })) });
  if (!found) throw new Error('no sealed recording with a signed document');
  await officer.fill('#purpose', 'documents test');
  await officer.fill('#search-form input[name="customer"]', 'chan');
  await officer.click('#search-form button[type=submit]');
  await officer.click('#results tbody tr:first-child button.replay');
  await officer.waitForFunction((id) => document.querySelector('#player').dataset.recording === id, found.id);
  await officer.waitForSelector('#timeline li.entry.signed_document button.view-document');
  expect(await officer.$$eval('#timeline li.entry.document', (l) => l.length) === 3, 'the timeline does not show the three documents');
  await officer.click('#timeline li.entry.signed_document button.view-document');
  await officer.waitForSelector('#compliance-document #document-hash[data-ok="true"]');
  await officer.waitForSelector('#compliance-document .signed-document');
  await officer.click('#verify');
  await officer.waitForSelector('#integrity[data-ok="true"]');
  console.log(`DOCUMENTS RESULT ${JSON.stringify(found)}`);
}

finish(main, { ok: 'DOCUMENTS OK', failed: 'DOCUMENTS FAILED', shots: 'documents-failed', browsers, step: () => step, problems });
