'use strict';
// Every documented constraint is checked before anything is sent: a bad value fails the item with a
// message naming the field and the item, and the sandbox receives nothing.
const { runWorkflow, node, chain } = require('../harness/n8n');
const { providerKit } = require('../harness/provider');
const { FRONT, HANDHELD, BACK, binaryOf, kycParameters, photo } = require('./fixtures');

const kit = providerKit('kazepay');
const { handle } = kit;
const kycItem = () => ({ json: { email: 'kyc@kazepay.io' }, binary: { front: binaryOf(FRONT, 'f.jpg'), handheld: binaryOf(HANDHELD, 'h.jpg'), back: binaryOf(BACK, 'b.jpg') } });


/** Runs the node with one item (binary allowed) and returns the error. */
async function run(parameters, item = { json: {} }, settings = { timezone: 'UTC' }) {
	const nodes = [node('Start', 'harness.start'), node('Node', 'kazePay', parameters)];
	const result = await runWorkflow({ nodes, connections: chain('Start', 'Node'), credentials: kit.credentials(), input: [item], settings });
	return { error: result.nodeError('Node') || result.error, output: result.output('Node') };
}

const tooLongAddress = 'A'.repeat(141);

const KYC_CASES = [
	['Email', { email: 'not-an-email' }, /Invalid Email \[item 0\]: must be an email address/],
	['Mobile Number', { mobileNumber: '12ab' }, /Invalid Mobile Number \[item 0\]/],
	['Mobile Prefix', { mobilePrefix: '60-1' }, /Invalid Mobile Prefix \[item 0\]/],
	['Mobile Country', { mobilePrefixCountry: 'XX' }, /Invalid Mobile Country \[item 0\]: "XX" is not an ISO 3166 country code/],
	['First Name (non-English)', { firstName: 'Jürgen' }, /Invalid First Name \[item 0\]: must be in English/],
	['Last Name (non-Latin)', { lastName: '王' }, /Invalid Last Name \[item 0\]: must be in English/],
	['Date of Birth (format)', { dateOfBirth: '25/04/1958' }, /Invalid Date of Birth \[item 0\]: "25\/04\/1958" is not a date/],
	['Date of Birth (not a date)', { dateOfBirth: '1958-02-30' }, /Invalid Date of Birth \[item 0\]: "1958-02-30" is not a real date/],
	['Date of Birth (future)', { dateOfBirth: '2999-01-01' }, /Invalid Date of Birth \[item 0\]: "2999-01-01" is in the future/],
	['Address Line (141 characters)', { addressLine: tooLongAddress }, /Invalid Address Line \[item 0\]: must be at most 140 characters \(got 141\)/],
	['Address Line (non-English)', { addressLine: 'Straße 5' }, /Invalid Address Line \[item 0\]: must be in English/],
	['City', { city: 'Zürich' }, /Invalid City \[item 0\]: must be in English/],
	['State (empty expression)', { state: '={{ "" }}' }, /Invalid State \[item 0\]: is required/],
	['Post Code', { postCode: 'C2A_2EX' }, /Invalid Post Code \[item 0\]/],
	['Country (three letters)', { countryCode: 'FRA' }, /Invalid Country \[item 0\]: must be a two-letter ISO 3166 country code/],
	['Country (unknown)', { countryCode: 'ZZ' }, /Invalid Country \[item 0\]: "ZZ" is not an ISO 3166 country code/],
	['Identification Number', { identificationNumber: 'A56 3F186' }, /Invalid Identification Number \[item 0\]/],
	['Identification Expiry Date (format)', { identificationExpiryDate: '2099-1-1' }, /Invalid Identification Expiry Date \[item 0\]: "2099-1-1" is not a date/],
	['Identification Expiry Date (expired)', { identificationExpiryDate: '2001-01-01' }, /Invalid Identification Expiry Date \[item 0\]: "2001-01-01" is in the past/],
	['Front Image (missing binary)', { frontBinary: 'passport' }, /Invalid Front Image \(Binary Property\) \[item 0\]: names "passport", but the input item has no binary data/],
	['Back Image (required for an ID card)', { identificationType: 'ID_CARD' }, /Invalid Back Image \(Binary Property\) \[item 0\]: is required/],
	['Handheld Image (not an image)', { imageSource: 'base64', frontBase64: FRONT.toString('base64'), handheldBase64: Buffer.from('%PDF-1.4 not an image').toString('base64') }, /Invalid Handheld Image \(Base64\) \[item 0\]: must be a JPEG, PNG or WebP image/],
	['Front Image (not Base64)', { imageSource: 'base64', frontBase64: 'data:image/jpeg;base64,@@@', handheldBase64: HANDHELD.toString('base64') }, /Invalid Front Image \(Base64\) \[item 0\]: is not Base64 text/],
];

describe('KYC submission', () => {
	test.each(KYC_CASES)('%s: refused before sending', async (_name, overrides, message) => {
		const item = kycItem();
		if (_name === 'Back Image (required for an ID card)') delete item.binary.back;
		const { error } = await run(kycParameters(overrides), item);
		expect(error).toBeDefined();
		expect(error.message).toMatch(message);
		expect(error.description).toMatch(/Nothing was sent for this item/);
		expect(handle.sandbox.count({ provider: 'kazepay' })).toBe(0);
	});

	test('the same item with valid fields is sent (the cases above differ by one field only)', async () => {
		const { error, output } = await run(kycParameters({ identificationType: 'ID_CARD', backBinary: 'back' }), kycItem());
		expect(error).toBeUndefined();
		expect(output[0].json).toEqual({ email: 'kyc@kazepay.io', response: { encrypt: 'SUCCESS', status: 'WAITING_KYC' } });
		expect(handle.sandbox.state('kazepay').users['kyc@kazepay.io'].images.back).toBeGreaterThan(0);
	});

	test('images given as Base64 text (bare or data: URL), sent as data URLs with the detected type', async () => {
		const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), photo('png')]);
		const { error } = await run(kycParameters({ imageSource: 'base64', frontBase64: png.toString('base64'), handheldBase64: `data:image/jpeg;base64,${HANDHELD.toString('base64')}` }), { json: { email: 'kyc@kazepay.io' } });
		expect(error).toBeUndefined();
		const user = handle.sandbox.state('kazepay').users['kyc@kazepay.io'];
		expect(user.imagePrefixes.front).toBe('data:image/png;base64,iVBORw0K');
	});

	test('bare Base64 when "Send Images As Data URLs" is off', async () => {
		const { error } = await run(kycParameters({ options: { asDataUrl: false } }), kycItem());
		expect(error).toBeUndefined();
		expect(handle.sandbox.state('kazepay').users['kyc@kazepay.io'].imagePrefixes.front).toBe(FRONT.toString('base64').slice(0, 30));
	});
});

const CARD_CASES = [
	['Get Status: Cardholder Email', { resource: 'kyc', operation: 'getStatus', email: 'kyc@' }, /Invalid Cardholder Email \[item 0\]/],
	['Assign: Card Number (letters)', { resource: 'card', operation: 'assign', email: 'kyc@kazepay.io', cardNumber: '4937 2408 0007 06O4' }, /Invalid Card Number \[item 0\]: must contain only digits/],
	['Assign: Card Number (length)', { resource: 'card', operation: 'assign', email: 'kyc@kazepay.io', cardNumber: '49372408000' }, /Invalid Card Number \[item 0\]: must be 12 to 19 digits/],
	['Assign: Card Number (check digit)', { resource: 'card', operation: 'assign', email: 'kyc@kazepay.io', cardNumber: '4937240000000011' }, /Invalid Card Number \[item 0\]: is not a valid card number \(its check digit is wrong\)/],
	['Assign: Cardholder Email', { resource: 'card', operation: 'assign', email: '={{ "" }}', cardNumber: '4937240000000010' }, /Invalid Cardholder Email \[item 0\]: is required/],
	['Activate: Card ID', { resource: 'card', operation: 'activate', cardId: '33 77', activationCode: '70795665' }, /Invalid Card ID \[item 0\]/],
	['Activate: Activation Code', { resource: 'card', operation: 'activate', cardId: '3377', activationCode: '={{ " " }}' }, /Invalid Activation Code \[item 0\]: is required/],
	['Set PIN: five digits', { resource: 'card', operation: 'setPin', cardId: '3377', pin: '37542' }, /Invalid PIN \[item 0\]: must be exactly six digits/],
	['Set PIN: seven digits', { resource: 'card', operation: 'setPin', cardId: '3377', pin: '3754261' }, /Invalid PIN \[item 0\]: must be exactly six digits/],
	['Set PIN: letters', { resource: 'card', operation: 'setPin', cardId: '3377', pin: '37542a' }, /Invalid PIN \[item 0\]: must be exactly six digits/],
	['Set PIN: spaces', { resource: 'card', operation: 'setPin', cardId: '3377', pin: ' 375426' }, /Invalid PIN \[item 0\]: must be exactly six digits/],
	['Get: Card ID', { resource: 'card', operation: 'get', cardId: '={{ $json.missing }}' }, /Invalid Card ID \[item 0\]: is required/],
	['Balance: Currency', { resource: 'card', operation: 'getBalance', cardId: '3377', currency: 'US' }, /Invalid Currency \[item 0\]/],
	['Recharge: Amount (zero)', { resource: 'card', operation: 'recharge', cardId: '3377', currency: 'USD', amount: '0', idempotencyKey: 'v-1' }, /Invalid Amount \[item 0\]: must be greater than zero/],
	['Recharge: Amount (negative)', { resource: 'card', operation: 'recharge', cardId: '3377', currency: 'USD', amount: '-5', idempotencyKey: 'v-1' }, /Invalid Amount \[item 0\]: must be positive/],
	['Recharge: Amount (three decimals)', { resource: 'card', operation: 'recharge', cardId: '3377', currency: 'USD', amount: '10.005', idempotencyKey: 'v-1' }, /Invalid Amount \[item 0\]: has more than 2 decimal places for USD/],
	['Recharge: Amount (text)', { resource: 'card', operation: 'recharge', cardId: '3377', currency: 'USD', amount: '1,000', idempotencyKey: 'v-1' }, /Invalid Amount \[item 0\]/],
	['Set Status: Status', { resource: 'card', operation: 'setStatus', cardId: '3377', status: 'FROZEN' }, /Invalid Status \[item 0\]: must be one of: ACTIVE, INACTIVE/],
	['Close: Card ID', { resource: 'card', operation: 'close', cardId: '../x' }, /Invalid Card ID \[item 0\]/],
	['Transactions: Page Size 0', { resource: 'transaction', operation: 'getMany', cardId: '3377', options: { pageSize: 0 } }, /Invalid Page Size \[item 0\]: must be at least 1/],
	['Transactions: Page Size 101', { resource: 'transaction', operation: 'getMany', cardId: '3377', options: { pageSize: 101 } }, /Invalid Page Size \[item 0\]: must be at most 100/],
	['Transactions: Start Page 11', { resource: 'transaction', operation: 'getMany', cardId: '3377', options: { pageNum: 11 } }, /Invalid Start Page \[item 0\]: must be at most 10/],
	['Transactions: Start Page 0', { resource: 'transaction', operation: 'getMany', cardId: '3377', options: { pageNum: 0 } }, /Invalid Start Page \[item 0\]: must be at least 1/],
	['Transactions: From format', { resource: 'transaction', operation: 'getMany', cardId: '3377', filters: { transactionStartTime: '08/02/2024 13:17' } }, /Invalid From \[item 0\]: "08\/02\/2024 13:17" is not a date/],
	['Transactions: To not a time', { resource: 'transaction', operation: 'getMany', cardId: '3377', filters: { transactionEndTime: '2024-02-08 25:17:02' } }, /Invalid To \[item 0\]: "2024-02-08 25:17:02" is not a real date and time/],
	['Transactions: To before From', { resource: 'transaction', operation: 'getMany', cardId: '3377', filters: { transactionStartTime: '2024-02-08 13:17:02', transactionEndTime: '2024-02-01 00:00:00' } }, /Invalid To \[item 0\]: must not be before From/],
	['Transactions: Limit', { resource: 'transaction', operation: 'getMany', cardId: '3377', returnAll: false, limit: 0 }, /Invalid Limit \[item 0\]/],
	['Webhook: URL', { resource: 'webhook', operation: 'set', url: 'ftp://example.com/hook' }, /Invalid URL \[item 0\]: must start with https:\/\/ or http:\/\//],
	// URL parsers drop line breaks and encode < >, but KazePay would store the text as given
	['Webhook: URL with a line break', { resource: 'webhook', operation: 'set', url: 'https://n8n.example.com/webhook/x\r\nX-Injected: 1' }, /Invalid URL \[item 0\]: must not contain spaces, line breaks/],
	['Webhook: URL with markup', { resource: 'webhook', operation: 'set', url: 'https://n8n.example.com/webhook/<script>' }, /Invalid URL \[item 0\]: must not contain/],
	['Transactions: Transaction ID (injection)', { resource: 'transaction', operation: 'getMany', cardId: '3377', filters: { transactionId: "LM1' OR '1'='1" } }, /Invalid Transaction ID \[item 0\]: must be a transaction ID as KazePay returns it/],
	['Transactions: Transaction ID (line break)', { resource: 'transaction', operation: 'getMany', cardId: '3377', filters: { transactionId: 'LM1\r\nX: 1' } }, /Invalid Transaction ID \[item 0\]/],
	['Recharge: Amount (beyond exact range)', { resource: 'card', operation: 'recharge', cardId: '3377', currency: 'USD', amount: '9'.repeat(400), idempotencyKey: 'v-1' }, /Invalid Amount \[item 0\]: is too large/],
];

describe('card, transaction and webhook operations', () => {
	test.each(CARD_CASES)('%s: refused before sending', async (_name, parameters, message) => {
		const { error } = await run(parameters);
		expect(error).toBeDefined();
		expect(error.message).toMatch(message);
		expect(handle.sandbox.count({ provider: 'kazepay' })).toBe(0);
	});

	test('error messages never repeat a refused PIN or card number', async () => {
		const pin = await run({ resource: 'card', operation: 'setPin', cardId: '3377', pin: '12345' });
		expect(JSON.stringify({ m: pin.error.message, d: pin.error.description })).not.toContain('12345');
		const card = await run({ resource: 'card', operation: 'assign', email: 'kyc@kazepay.io', cardNumber: '4937-2400-0000-0011' });
		expect(JSON.stringify({ m: card.error.message, d: card.error.description })).not.toMatch(/4937-?2400-?0000-?0011/);
	});

	test('a bad item among good ones: with Continue On Fail, only the bad one fails and only good ones are sent', async () => {
		const result = await kit.run(
			{ resource: 'card', operation: 'setPin', cardId: '={{ $json.cardId }}', pin: '={{ $json.pin }}' },
			{ items: [{ cardId: '9999', pin: '123' }, { cardId: '9999', pin: '123456' }], continueOnFail: true },
		);
		expect(result.items[0].error).toMatch(/Invalid PIN \[item 0\]/);
		// item 1 was sent; the sandbox has no card 9999
		expect(result.items[1]).toMatchObject({ errorCode: 'CARD_NOT_FOUND' });
		expect(handle.sandbox.count({ provider: 'kazepay' })).toBe(1);
		expect(result.raw.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});
});

describe('dates are read in the workflow\'s time zone', () => {
	test('a document expiring today in the workflow\'s zone is accepted; yesterday there is refused, whatever the date in UTC', async () => {
		// Pacific/Kiritimati is UTC+14: its "today" is often UTC's tomorrow
		const zone = 'Pacific/Kiritimati';
		const today = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
		const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
		const expired = await run(kycParameters({ identificationExpiryDate: `${yesterday}T12:00:00` }), kycItem(), { timezone: zone });
		expect(expired.error.message).toMatch(new RegExp(`Invalid Identification Expiry Date \\[item 0\\]: "${yesterday}" is in the past \\(today is ${today}\\)`));
		expect(handle.sandbox.count({ provider: 'kazepay' })).toBe(0);
		const valid = await run(kycParameters({ identificationExpiryDate: `${today}T00:00:00` }), kycItem(), { timezone: zone });
		expect(valid.error).toBeUndefined();
		expect(handle.sandbox.state('kazepay').users['kyc@kazepay.io']).toMatchObject({ identificationExpiryDate: today });
	});

	test('a date-time with a zone is the date the workflow\'s zone shows (23:30 UTC is the next day in Asia/Tehran), sent as yyyy-MM-dd', async () => {
		const { error } = await run(kycParameters({ dateOfBirth: '1990-04-25T23:30:00Z' }), kycItem(), { timezone: 'Asia/Tehran' });
		expect(error).toBeUndefined();
		expect(handle.sandbox.state('kazepay').users['kyc@kazepay.io']).toMatchObject({ dateOfBirth: '1990-04-26' });
	});
});

describe('closed sets are options', () => {
	test('Mobile Country and Country list ISO 3166 codes by English name; a code from an expression is still checked', async () => {
		const { KazePay } = require('../../dist/nodes/KazePay/KazePay.node');
		const { properties } = new KazePay().description;
		for (const name of ['mobilePrefixCountry', 'countryCode']) {
			const property = properties.find((p) => p.name === name);
			expect(property.type).toBe('options');
			expect(property.options).toContainEqual({ name: 'Malaysia (MY)', value: 'MY' });
			expect(property.options.length).toBeGreaterThan(240);
		}
		const { error } = await run(kycParameters({ countryCode: '={{ "my" }}' }), kycItem());
		expect(error).toBeUndefined();
		expect(handle.sandbox.state('kazepay').users['kyc@kazepay.io'].countryCode).toBe('MY');
	});
});
