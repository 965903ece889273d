'use strict';
// KazePay physical-card stand-in (reference: shared/provider-docs/kazepay-physical-card.txt and the
// KazePay section of provider-docs/README.md). One endpoint, POST {prefix}/gateway, speaking the
// signed and encrypted envelope with the sandbox's own platform key pair. The envelope code below is
// written independently of nodes/KazePay/envelope.ts, so the node is tested against a second
// implementation of the same algorithm description, not against itself.
//
// Stateful: KYC (WAITING_KYC → PASSED / REJECTED through a control endpoint), a stock of physical
// cards (assign, activate once with a single-use code, PIN, recharge, spend, freeze, close with the
// balance refunded to the merchant), paged transactions, and card events sent to the registered
// webhook URL through the same envelope. Error codes in head.code are the sandbox's own (KazePay's
// list is not public); HTTP 401 for envelope failures (unknown sysId, bad signature), 200 otherwise.

const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const DEMO_SYS_ID = '202402271432298822660001';
const VERSION = '1.0';

const DEFAULT_ALGORITHMS = {
	cipher: 'aes-256-gcm',
	keyPadding: 'oaep-sha256',
	signHash: 'sha256',
	signEncoding: 'hex',
	keyEncEncoding: 'hex',
	encryptEncoding: 'base64',
};

// ---------------------------------------------------------------- envelope (independent implementation)

function cipherParts(cipher) {
	const [, bits, mode] = cipher.split('-');
	return { keyBytes: Number(bits) / 8, mode, ivBytes: mode === 'gcm' ? 12 : mode === 'cbc' ? 16 : 0 };
}

function rsaOptions(key, keyPadding) {
	if (keyPadding === 'pkcs1') return { key, padding: crypto.constants.RSA_PKCS1_PADDING };
	return { key, padding: crypto.constants.RSA_PKCS1_OAEP_PADDING, oaepHash: keyPadding === 'oaep-sha1' ? 'sha1' : 'sha256' };
}

function rsaDecrypt(key, keyPadding, data) {
	if (keyPadding !== 'pkcs1') return crypto.privateDecrypt(rsaOptions(key, keyPadding), data);
	// Node 20 refuses PKCS#1 v1.5 private decryption; unpad the raw block (00 02 PS 00 M)
	const block = crypto.privateDecrypt({ key, padding: crypto.constants.RSA_NO_PADDING }, data);
	const zero = block.indexOf(0, 2);
	if (block[0] !== 0 || block[1] !== 2 || zero < 10) throw new Error('bad PKCS#1 padding');
	return block.subarray(zero + 1);
}

function seal(algorithms, signingKey, recipientKey, plaintext) {
	const { keyBytes, mode, ivBytes } = cipherParts(algorithms.cipher);
	const sessionKey = crypto.randomBytes(keyBytes);
	const iv = ivBytes ? crypto.randomBytes(ivBytes) : null;
	const cipher = crypto.createCipheriv(algorithms.cipher, sessionKey, iv);
	const chunks = [];
	if (iv) chunks.push(iv);
	chunks.push(cipher.update(plaintext, 'utf8'), cipher.final());
	if (mode === 'gcm') chunks.push(cipher.getAuthTag());
	return {
		encrypt: Buffer.concat(chunks).toString(algorithms.encryptEncoding),
		keyEnc: crypto.publicEncrypt(rsaOptions(recipientKey, algorithms.keyPadding), sessionKey).toString(algorithms.keyEncEncoding),
		sign: crypto.createSign(algorithms.signHash).update(plaintext, 'utf8').sign(signingKey, algorithms.signEncoding),
	};
}

/** Returns the plaintext, or throws when keyEnc, encrypt or sign do not hold. */
function open(algorithms, decryptionKey, verifyKey, { encrypt, keyEnc, sign }) {
	if (typeof encrypt !== 'string' || typeof keyEnc !== 'string' || typeof sign !== 'string') throw new Error('missing envelope parts');
	const { keyBytes, mode, ivBytes } = cipherParts(algorithms.cipher);
	const sessionKey = rsaDecrypt(decryptionKey, algorithms.keyPadding, Buffer.from(keyEnc, algorithms.keyEncEncoding));
	if (sessionKey.length !== keyBytes) throw new Error('wrong session key length');
	const data = Buffer.from(encrypt, algorithms.encryptEncoding);
	const tagBytes = mode === 'gcm' ? 16 : 0;
	const decipher = crypto.createDecipheriv(algorithms.cipher, sessionKey, ivBytes ? data.subarray(0, ivBytes) : null);
	if (tagBytes) decipher.setAuthTag(data.subarray(data.length - tagBytes));
	const plaintext = Buffer.concat([decipher.update(data.subarray(ivBytes, data.length - tagBytes)), decipher.final()]).toString('utf8');
	const signature = Buffer.from(sign, algorithms.signEncoding);
	if (signature.toString(algorithms.signEncoding) !== sign) throw new Error('sign is not canonical');
	if (!crypto.createVerify(algorithms.signHash).update(plaintext, 'utf8').verify(verifyKey, signature)) throw new Error('bad signature');
	return plaintext;
}

// ---------------------------------------------------------------- keys

// The demo key pairs are the repository's test-only key pairs (test/kazepay/fixtures, never used
// anywhere else), so every sandbox has the same demo credential and the reliability and security
// report (test/security/cases/kazepay.js) can scan for the exact merchant private key the tests use.
// Fresh pairs are generated only when those files are absent.
const FIXTURES = path.join(__dirname, '..', '..', 'test', 'kazepay', 'fixtures');

let demoKeys;
/** The platform's key pair and a demo merchant key pair, the same for every sandbox. */
function sandboxKeys() {
	if (!demoKeys) {
		const read = (name) => fs.readFileSync(path.join(FIXTURES, `${name}.pem`), 'utf8');
		const pair = (name) => {
			if (fs.existsSync(path.join(FIXTURES, `${name}-private.pem`))) return { publicKey: read(`${name}-public`), privateKey: read(`${name}-private`) };
			const { publicKey, privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
			return {
				publicKey: publicKey.export({ type: 'spki', format: 'pem' }),
				privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }),
			};
		};
		const platform = pair('platform');
		const merchant = pair('merchant');
		demoKeys = {
			platformPublicKey: platform.publicKey,
			platformPrivateKey: platform.privateKey,
			merchantPublicKey: merchant.publicKey,
			merchantPrivateKey: merchant.privateKey,
		};
	}
	return demoKeys;
}

// ---------------------------------------------------------------- state

function newRequestNo(state) {
	state.sequence += 1;
	const time = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
	return `${time}${String(state.sequence % 100_000_000).padStart(8, '0')}`;
}

function toCents(value) {
	if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) return undefined;
	const cents = Math.round(value * 100);
	if (Math.abs(cents - value * 100) > 1e-6) return undefined;
	return cents;
}

const money = (cents) => `${cents < 0 ? '-' : ''}${Math.floor(Math.abs(cents) / 100)}.${String(Math.abs(cents) % 100).padStart(2, '0')}`;
const now = () => new Date().toISOString().slice(0, 19).replace('T', ' ');

/** The number with its Luhn check digit appended. */
function withLuhnDigit(body) {
	let sum = 0;
	for (let i = 0; i < body.length; i++) {
		let digit = Number(body[body.length - 1 - i]);
		if (i % 2 === 0) {
			digit *= 2;
			if (digit > 9) digit -= 9;
		}
		sum += digit;
	}
	return `${body}${(10 - (sum % 10)) % 10}`;
}

function stockCard(state, cardNumber) {
	state.cardSequence += 1;
	// card numbers pass the Luhn check, as real ones do (the node checks it before sending)
	const cardNo = cardNumber || withLuhnDigit(`4937240${String(state.cardSequence).padStart(8, '0')}`);
	state.inventory[cardNo] = {
		cardNo,
		cvv: String(100 + (state.cardSequence % 900)),
		expiryDate: '2911',
		activationCode: String(70795600 + state.cardSequence),
		assignedTo: null,
	};
	return state.inventory[cardNo];
}

function createState(sandbox, options = {}) {
	const keys = { ...sandboxKeys(), ...(options.keys || {}) };
	const state = {
		sysId: options.sysId || DEMO_SYS_ID,
		autoReview: options.autoReview, // 'PASSED' | 'REJECTED' | undefined (manual, via the control endpoint)
		algorithms: { ...DEFAULT_ALGORITHMS, ...(options.algorithms || {}) },
		keys,
		platformPrivate: crypto.createPrivateKey(keys.platformPrivateKey),
		merchantPublic: crypto.createPublicKey(keys.merchantPublicKey),
		merchantBalance: { USD: 1_000_000 }, // cents: 10,000.00 USD
		webhookUrl: '',
		users: {},
		inventory: {},
		cards: {},
		transactions: [],
		requestNos: new Set(),
		received: [],
		events: [],
		sequence: 0,
		cardSequence: 0,
		cardId: 3376,
		txnSequence: 2312151602393234000,
	};
	for (let i = 0; i < 3; i++) stockCard(state, undefined);
	return state;
}

// ---------------------------------------------------------------- webhooks

function sealEvent(state, event) {
	const plaintext = JSON.stringify({ ...event, sendTime: now() });
	const sealed = seal(state.algorithms, state.platformPrivate, state.merchantPublic, plaintext);
	return {
		head: { apiCode: 'webhookNotify', sysId: state.sysId, requestNo: newRequestNo(state), version: VERSION, sign: sealed.sign, keyEnc: sealed.keyEnc },
		body: { encrypt: sealed.encrypt },
	};
}

/** Records a card event and delivers it to the registered URL (after the API answer, like the real service). */
function emitEvent(sandbox, state, eventType, data) {
	const event = { eventType, eventTime: now(), ...data };
	const record = { event, envelope: sealEvent(state, event), deliveries: [] };
	state.events.push(record);
	if (state.webhookUrl) {
		const url = state.webhookUrl;
		setImmediate(async () => record.deliveries.push(await sandbox.sendWebhook(url, record.envelope, { provider: 'kazepay' })));
	}
	return record;
}

function decideKyc(sandbox, state, email, decision) {
	const user = state.users[email];
	if (!user) return undefined;
	user.status = decision === 'REJECTED' ? 'REJECTED' : 'PASSED';
	emitEvent(sandbox, state, 'KYC_STATUS', { email, status: user.status });
	return user.status;
}

// ---------------------------------------------------------------- API

const ok = (data) => ({ data });
const err = (code, detail) => ({ code, detail });

const isEnglish = (text, max) => typeof text === 'string' && text.trim() !== '' && /^[\x20-\x7E]+$/.test(text) && (!max || text.length <= max);
const isDay = (text) => typeof text === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(text) && new Date(`${text}T00:00:00Z`).toISOString().slice(0, 10) === text;
const isImage = (text) => {
	if (typeof text !== 'string') return false;
	const match = /^(?:data:image\/(?:jpeg|png|webp);base64,)?([A-Za-z0-9+/]+={0,2})$/.exec(text);
	return Boolean(match) && Buffer.from(match[1], 'base64').length > 3;
};

function activeCard(state, cardID) {
	const card = state.cards[String(cardID)];
	if (!card) return [undefined, err('CARD_NOT_FOUND', 'card not found')];
	return [card, undefined];
}

const api = {
	setUcardKyc(ctx, state, b) {
		const required = ['email', 'mobileNumber', 'mobilePrefix', 'mobilePrefixCountry', 'firstName', 'lastName', 'dateOfBirth', 'addressLine', 'city', 'countryCode', 'postCode', 'state', 'identificationType', 'identificationNumber', 'identificationExpiryDate', 'frontImgBase64', 'handheldImgBase64'];
		const missing = required.filter((field) => b[field] === undefined || b[field] === '');
		if (missing.length) return err('PARAM_ERROR', `missing ${missing.join(', ')}`);
		if (!['PASSPORT', 'ID_CARD'].includes(b.identificationType)) return err('PARAM_ERROR', 'identificationType');
		if (b.identificationType === 'ID_CARD' && !b.backImgBase64) return err('PARAM_ERROR', 'backImgBase64 is required for ID_CARD');
		if (!isEnglish(b.firstName) || !isEnglish(b.lastName) || !isEnglish(b.addressLine, 140)) return err('PARAM_ERROR', 'name and address must be in English; address at most 140 characters');
		if (!/^[A-Z]{2}$/.test(b.countryCode) || !/^[A-Z]{2}$/.test(b.mobilePrefixCountry)) return err('PARAM_ERROR', 'country codes');
		if (!isDay(b.dateOfBirth) || !isDay(b.identificationExpiryDate)) return err('PARAM_ERROR', 'dates must be yyyy-MM-dd');
		for (const image of ['frontImgBase64', 'handheldImgBase64', 'backImgBase64']) {
			if (b[image] !== undefined && !isImage(b[image])) return err('PARAM_ERROR', `${image} is not a Base64 image`);
		}
		const existing = state.users[b.email];
		if (existing && existing.status !== 'REJECTED') return err('KYC_ALREADY_SUBMITTED', `KYC already ${existing.status}`);
		const { frontImgBase64, backImgBase64, handheldImgBase64, ...person } = b;
		state.users[b.email] = {
			...person,
			images: { front: frontImgBase64.length, back: backImgBase64 ? backImgBase64.length : 0, handheld: handheldImgBase64.length },
			imagePrefixes: { front: frontImgBase64.slice(0, 30) },
			status: 'WAITING_KYC',
		};
		if (state.autoReview) {
			// option autoReview: a fast automated review decides right after the answer
			setImmediate(() => decideKyc(ctx.sandbox, state, b.email, state.autoReview));
		}
		return ok({ encrypt: 'SUCCESS', status: 'WAITING_KYC' });
	},

	queryUcardKycStatus(ctx, state, b) {
		const user = state.users[b.email];
		if (!user) return err('USER_NOT_FOUND', 'user not found');
		return ok({ encrypt: 'SUCCESS', status: user.status });
	},

	ucardAssign(ctx, state, b) {
		if (!b.email || !b.cardNumber || typeof b.autoActive !== 'boolean') return err('PARAM_ERROR', 'email, cardNumber and autoActive are required');
		const user = state.users[b.email];
		if (!user) return err('USER_NOT_FOUND', 'user not found');
		if (user.status !== 'PASSED') return err('KYC_NOT_PASSED', 'KYC not passed');
		const stock = state.inventory[b.cardNumber];
		if (!stock) return err('CARD_NOT_FOUND', 'card number not found');
		if (stock.assignedTo) return err('CARD_ALREADY_ASSIGNED', 'card already assigned');
		state.cardId += 1;
		const cardID = String(state.cardId);
		stock.assignedTo = cardID;
		state.cards[cardID] = {
			cardID,
			cardNo: stock.cardNo,
			cvv: stock.cvv,
			expiryDate: stock.expiryDate,
			activationCode: stock.activationCode,
			activationUsed: b.autoActive,
			email: b.email,
			currency: 'USD',
			status: b.autoActive ? 'ACTIVE' : 'UNACTIVATED',
			pinHash: null,
			balance: 0,
			block: 0,
		};
		emitEvent(ctx.sandbox, state, 'CARD_ASSIGNED', { cardID, status: state.cards[cardID].status });
		return ok({ encrypt: 'SUCCESS', cardID });
	},

	ucardActive(ctx, state, b) {
		const [card, failure] = activeCard(state, b.cardID);
		if (failure) return failure;
		if (state.users[card.email].status !== 'PASSED') return err('KYC_NOT_PASSED', 'KYC not passed');
		if (card.activationUsed) return err('ACTIVATION_CODE_USED', 'activation code already used');
		if (String(b.activationCode) !== card.activationCode) return err('ACTIVATION_CODE_ERROR', 'wrong activation code');
		if (card.status !== 'UNACTIVATED') return err('CARD_STATUS_ERROR', `card is ${card.status}`);
		card.activationUsed = true;
		card.status = 'ACTIVE_PROCESSING';
		setImmediate(() => {
			card.status = 'ACTIVE';
			emitEvent(ctx.sandbox, state, 'CARD_ACTIVATED', { cardID: card.cardID, status: 'ACTIVE' });
		});
		return ok({ encrypt: 'SUCCESS', cardID: card.cardID, status: 'ACTIVE_PROCESSING' });
	},

	cardSetPin(ctx, state, b) {
		const [card, failure] = activeCard(state, b.cardID);
		if (failure) return failure;
		if (typeof b.pin !== 'string' || !/^\d{6}$/.test(b.pin)) return err('PARAM_ERROR', 'pin must be a six-digit number');
		if (!['ACTIVE', 'INACTIVE'].includes(card.status)) return err('CARD_STATUS_ERROR', `card is ${card.status}`);
		card.pinHash = crypto.createHash('sha256').update(`${card.cardID}:${b.pin}`).digest('hex');
		return ok({ encrypt: 'SUCCESS' });
	},

	queryCard(ctx, state, b) {
		const [card, failure] = activeCard(state, b.cardID);
		if (failure) return failure;
		const user = state.users[card.email];
		return ok({
			cardID: card.cardID,
			cardNo: card.cardNo,
			cardCvv: card.cvv,
			expiryDate: card.expiryDate,
			currency: card.currency,
			userBankCardStatus: card.status,
			cardHolderEmail: card.email,
			cardHolderMobileNumber: user.mobileNumber,
			cardHolderMobilePrefix: user.mobilePrefix,
			countryCode: 'HONG KONG',
			billingState: 'HONG KONG',
			billingCity: 'HONG KONG',
			billingAddress: '17/F FWD FINANCIAL CTR 308 DES VOEUX RD CENTRAL HK',
			billingZipCode: '000000',
		});
	},

	cardBalance(ctx, state, b) {
		const [card, failure] = activeCard(state, b.cardID);
		if (failure) return failure;
		if ((b.currency || 'USD') !== card.currency) return err('CURRENCY_ERROR', 'currency does not match the card');
		return ok({ cardID: card.cardID, currency: card.currency, avaBalance: card.balance / 100, blockBalance: card.block / 100 });
	},

	cardRecharge(ctx, state, b, plaintext) {
		const [card, failure] = activeCard(state, b.cardID);
		if (failure) return failure;
		const currency = b.currency || 'USD';
		if (currency !== card.currency) return err('CURRENCY_ERROR', 'currency does not match the card');
		const cents = toCents(b.amount);
		if (!cents) return err('PARAM_ERROR', 'amount must be a positive number with at most 2 decimals');
		if (card.status !== 'ACTIVE') return err('CARD_STATUS_ERROR', `card is ${card.status}`);
		if ((state.merchantBalance[currency] || 0) < cents) return err('INSUFFICIENT_BALANCE', 'insufficient merchant balance');
		state.merchantBalance[currency] -= cents;
		state.txnSequence += 1;
		const rawAmount = (/"amount"\s*:\s*([0-9.]+)/.exec(plaintext) || [])[1];
		const transaction = {
			cardID: card.cardID,
			transactionId: `LM${state.txnSequence}`,
			transactionTime: now(),
			cardCurrency: currency,
			cardCurrencyAmt: cents / 100,
			transCurrency: currency,
			transCurrencyAmt: cents / 100,
			feeCurrency: currency,
			fee: 0,
			transStatus: 'Pending',
			transType: 'Recharge',
			merchantName: 'KAZEPAY RECHARGE',
			respCode: '000000',
			respCodeDesc: 'SUCCESS',
			rawAmount,
		};
		state.transactions.push(transaction);
		setImmediate(() => {
			card.balance += cents;
			transaction.transStatus = 'Success';
			emitEvent(ctx.sandbox, state, 'CARD_RECHARGE', { cardID: card.cardID, transactionId: transaction.transactionId, amount: money(cents), currency, status: 'SUCCESS' });
		});
		return ok({ cardID: card.cardID, currency, transactionId: transaction.transactionId, transactionStatus: 'PENDING', sendAmount: money(cents) });
	},

	queryTransactions(ctx, state, b) {
		const [card, failure] = activeCard(state, b.cardID);
		if (failure) return failure;
		const pageSize = b.pageSize === undefined ? 10 : b.pageSize;
		const pageNum = b.pageNum === undefined ? 1 : b.pageNum;
		if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100) return err('PARAM_ERROR', 'pageSize must be 1-100');
		if (!Number.isInteger(pageNum) || pageNum < 1 || pageNum > 10) return err('PARAM_ERROR', 'pageNum must be 1-10');
		let list = state.transactions.filter((t) => t.cardID === card.cardID);
		if (b.transactionId) list = list.filter((t) => t.transactionId === b.transactionId);
		if (b.transactionStartTime) list = list.filter((t) => t.transactionTime >= b.transactionStartTime);
		if (b.transactionEndTime) list = list.filter((t) => t.transactionTime <= b.transactionEndTime);
		const page = list
			.slice()
			.reverse()
			.slice((pageNum - 1) * pageSize, pageNum * pageSize)
			.map(({ rawAmount, ...t }) => t);
		return ok(page);
	},

	updCardStatus(ctx, state, b) {
		const [card, failure] = activeCard(state, b.cardID);
		if (failure) return failure;
		if (!['ACTIVE', 'INACTIVE'].includes(b.status)) return err('PARAM_ERROR', 'status must be ACTIVE or INACTIVE');
		if (!['ACTIVE', 'INACTIVE'].includes(card.status)) return err('CARD_STATUS_ERROR', `card is ${card.status}`);
		card.status = b.status;
		emitEvent(ctx.sandbox, state, 'CARD_STATUS_CHANGED', { cardID: card.cardID, status: card.status });
		return ok({ cardID: card.cardID, status: card.status });
	},

	closeCard(ctx, state, b) {
		const [card, failure] = activeCard(state, b.cardID);
		if (failure) return failure;
		if (['CLOSED', 'CLOSE_PROCESSING'].includes(card.status)) return err('CARD_STATUS_ERROR', `card is ${card.status}`);
		const refund = card.balance;
		card.balance = 0;
		state.merchantBalance[card.currency] = (state.merchantBalance[card.currency] || 0) + refund;
		card.status = 'CLOSE_PROCESSING';
		state.txnSequence += 1;
		const txnId = String(state.txnSequence);
		state.transactions.push({
			cardID: card.cardID,
			transactionId: txnId,
			transactionTime: now(),
			cardCurrency: card.currency,
			cardCurrencyAmt: -refund / 100,
			transCurrency: card.currency,
			transCurrencyAmt: -refund / 100,
			feeCurrency: card.currency,
			fee: 0,
			transStatus: 'Success',
			transType: 'Refund',
			merchantName: 'CARD CLOSED',
			respCode: '000000',
			respCodeDesc: 'SUCCESS',
		});
		setImmediate(() => {
			card.status = 'CLOSED';
			emitEvent(ctx.sandbox, state, 'CARD_CLOSED', { cardID: card.cardID, status: 'CLOSED', refundAmt: money(refund), currency: card.currency });
		});
		return ok({ cardID: card.cardID, status: 'CLOSE_PROCESSING', refundAmt: money(refund), currency: card.currency, txnId });
	},

	setWebhookUrl(ctx, state, b) {
		if (typeof b.url !== 'string' || !/^https?:\/\/\S+$/.test(b.url)) return err('PARAM_ERROR', 'url must be an http(s) URL');
		state.webhookUrl = b.url;
		return ok({ encrypt: 'SUCCESS', url: b.url });
	},

	getWebhookUrl(ctx, state) {
		return ok({ encrypt: 'SUCCESS', url: state.webhookUrl });
	},
};

function answer(state, requestHead, result) {
	const head = {
		apiCode: requestHead.apiCode,
		sysId: state.sysId,
		requestNo: newRequestNo(state),
		version: VERSION,
	};
	if (result.code) return { status: 200, body: { head: { ...head, code: result.code, detail: result.detail }, body: {} } };
	const sealed = seal(state.algorithms, state.platformPrivate, state.merchantPublic, JSON.stringify(result.data));
	return {
		status: 200,
		body: { head: { ...head, code: 'SUCCESS', detail: 'SUCCESS', sign: sealed.sign, keyEnc: sealed.keyEnc }, body: { encrypt: sealed.encrypt } },
	};
}

async function gateway(ctx) {
	const { state } = ctx;
	const head = (ctx.body && ctx.body.head) || {};
	const refuse = (status, code, detail) => ({ status, body: { head: { apiCode: head.apiCode, sysId: head.sysId, version: VERSION, code, detail }, body: {} } });
	if (head.sysId !== state.sysId) return refuse(401, 'SYS_ID_ERROR', 'unknown sysId');
	if (head.version !== VERSION || typeof head.apiCode !== 'string') return refuse(200, 'PARAM_ERROR', 'head.apiCode and head.version "1.0" are required');
	if (typeof head.requestNo !== 'string' || !/^\d{16,32}$/.test(head.requestNo)) return refuse(200, 'PARAM_ERROR', 'head.requestNo is required');
	let plaintext;
	try {
		plaintext = open(state.algorithms, state.platformPrivate, state.merchantPublic, { encrypt: ctx.body.body && ctx.body.body.encrypt, keyEnc: head.keyEnc, sign: head.sign });
	} catch {
		return refuse(401, 'SIGN_ERROR', 'signature verification or decryption failed');
	}
	if (state.requestNos.has(head.requestNo)) return answer(state, head, err('REPEAT_REQUEST', 'duplicate requestNo'));
	state.requestNos.add(head.requestNo);
	let payload;
	try {
		payload = JSON.parse(plaintext);
	} catch {
		return answer(state, head, err('PARAM_ERROR', 'body is not JSON'));
	}
	state.received.push({ apiCode: head.apiCode, requestNo: head.requestNo, plaintext });
	const handler = api[head.apiCode];
	if (!handler) return answer(state, head, err('API_CODE_ERROR', `unknown apiCode ${head.apiCode}`));
	return answer(state, head, handler(ctx, state, payload || {}, plaintext));
}

// ---------------------------------------------------------------- control

function spend(ctx) {
	const { state } = ctx;
	const card = state.cards[ctx.params.cardID];
	if (!card) return { status: 404, body: { error: 'no such card' } };
	const cents = toCents(Number(ctx.body.amount));
	if (!cents) return { status: 400, body: { error: 'amount must be positive' } };
	state.txnSequence += 1;
	let respCode = '000000';
	let respCodeDesc = 'SUCCESS';
	if (card.status !== 'ACTIVE') [respCode, respCodeDesc] = ['000062', 'Restricted card'];
	else if (card.balance < cents) [respCode, respCodeDesc] = ['000051', 'Insufficient funds'];
	const approved = respCode === '000000';
	if (approved) card.balance -= cents;
	const transaction = {
		cardID: card.cardID,
		transactionId: crypto.randomUUID(),
		transactionTime: now(),
		cardCurrency: card.currency,
		cardCurrencyAmt: -cents / 100,
		transCurrency: ctx.body.transCurrency || card.currency,
		transCurrencyAmt: -cents / 100,
		feeCurrency: card.currency,
		fee: 0,
		transStatus: approved ? 'Success' : 'Declined',
		transType: 'Expenditure',
		merchantName: ctx.body.merchantName || 'SANDBOX SHOP',
		respCode,
		respCodeDesc,
	};
	state.transactions.push(transaction);
	emitEvent(ctx.sandbox, state, 'CARD_TRANSACTION', { cardID: card.cardID, transactionId: transaction.transactionId, transType: 'Expenditure', transStatus: transaction.transStatus, amount: money(cents), currency: card.currency, merchantName: transaction.merchantName });
	return { status: 200, body: transaction };
}

function publicState(state) {
	return {
		sysId: state.sysId,
		merchantBalance: state.merchantBalance,
		webhookUrl: state.webhookUrl,
		users: state.users,
		inventory: state.inventory,
		cards: state.cards,
		transactions: state.transactions,
		received: state.received.map(({ apiCode, requestNo }) => ({ apiCode, requestNo })),
		events: state.events.map(({ event, deliveries }) => ({ event, deliveries: deliveries.map(({ status, response }) => ({ status, response })) })),
	};
}

module.exports = {
	name: 'kazepay',
	prefix: '/kazepay',
	credentialType: 'kazePayApi',
	DEMO_SYS_ID,
	DEFAULT_ALGORITHMS,
	sandboxKeys,
	seal,
	open,
	createState,
	demoCredentials: (sandbox) => {
		const state = sandbox.state('kazepay');
		return {
			// the local sandbox is a Custom URL (KazePay publishes no endpoint; see KAZEPAY_BASE_URLS)
			environment: 'custom',
			customUrl: `${sandbox.baseUrl}/kazepay/gateway`,
			sysId: state.sysId,
			merchantPrivateKey: state.keys.merchantPrivateKey,
			platformPublicKey: state.keys.platformPublicKey,
			...state.algorithms,
		};
	},
	routes: [['POST', '/gateway', gateway]],
	control: [
		['GET', '/state', (ctx) => ({ status: 200, body: publicState(ctx.state) })],
		// the full demo credential, keys included (the CLI prints only their first line)
		['GET', '/credentials', (ctx) => ({ status: 200, body: module.exports.demoCredentials(ctx.sandbox) })],
		[
			'POST',
			'/kyc/:email/decision',
			(ctx) => {
				const status = decideKyc(ctx.sandbox, ctx.state, ctx.params.email, ctx.body.status);
				if (!status) return { status: 404, body: { error: 'no KYC for that email' } };
				return { status: 200, body: { ok: true, status } };
			},
		],
		[
			'POST',
			'/review',
			// the automated KYC review from now on (until the next reset): {autoReview: 'PASSED' | 'REJECTED' | null (manual)}
			(ctx) => {
				const { autoReview } = ctx.body || {};
				if (![undefined, null, 'PASSED', 'REJECTED'].includes(autoReview)) return { status: 400, body: { error: 'autoReview must be PASSED, REJECTED or null' } };
				ctx.state.autoReview = autoReview || undefined;
				return { status: 200, body: { ok: true, autoReview: ctx.state.autoReview ?? null } };
			},
		],
		[
			'POST',
			'/inventory',
			// a new physical card in stock; the answer includes its activation code (what the cardholder receives)
			(ctx) => ({ status: 200, body: stockCard(ctx.state, ctx.body.cardNumber) }),
		],
		['POST', '/cards/:cardID/spend', spend],
		[
			'POST',
			'/events/:index/redeliver',
			// a retry of an event: the same envelope again, or (reseal) the same event in a fresh envelope
			async (ctx) => {
				const record = ctx.state.events[Number(ctx.params.index)];
				if (!record) return { status: 404, body: { error: 'no such event' } };
				const envelope = ctx.body.reseal ? sealEvent(ctx.state, record.event) : record.envelope;
				const delivery = await ctx.sandbox.sendWebhook(ctx.body.url || ctx.state.webhookUrl, envelope, { provider: 'kazepay' });
				record.deliveries.push(delivery);
				return { status: 200, body: delivery };
			},
		],
		[
			'POST',
			'/notify',
			// sends an event sealed by the platform key (or tampered: field "encrypt" | "keyEnc" | "sign")
			async (ctx) => {
				// `payload` is accepted for `event` (the name `npm run dev` prints for every provider's /notify)
				const { url, event = ctx.body.payload, tamper } = ctx.body;
				const envelope = sealEvent(ctx.state, event || {});
				if (tamper) {
					const target = tamper === 'encrypt' ? envelope.body : envelope.head;
					const text = target[tamper];
					const at = Math.floor(text.length / 2);
					const swap = text[at] === 'a' ? 'b' : text[at] === '0' ? '1' : /[0-9]/.test(text[at]) ? '0' : 'a';
					target[tamper] = text.slice(0, at) + swap + text.slice(at + 1);
				}
				const delivery = await ctx.sandbox.sendWebhook(url || ctx.state.webhookUrl, envelope, { provider: 'kazepay' });
				return { status: 200, body: { ...delivery, envelope } };
			},
		],
	],
};
