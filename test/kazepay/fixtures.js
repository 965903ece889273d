'use strict';
// KazePay's own test fixtures (the rest comes from the one kit, test/harness/provider.js): document
// photos, KYC parameters, a scan for card secrets, and cardholders and cards put straight into the sandbox.
const crypto = require('crypto');

/** A small JPEG-shaped document photo (JPEG magic bytes + random content). */
function photo(seed) {
	return Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]), crypto.createHash('sha512').update(seed).digest(), Buffer.from([0xff, 0xd9])]);
}

const FRONT = photo('front');
const HANDHELD = photo('handheld');
const BACK = photo('back');

function binaryOf(buffer, fileName) {
	return { data: buffer.toString('base64'), mimeType: 'image/jpeg', fileName, fileExtension: 'jpg' };
}

/** KYC parameters as the reference's example, with images from binary properties front / handheld. */
function kycParameters(overrides = {}) {
	return {
		resource: 'kyc',
		operation: 'submit',
		email: '={{ $json.email }}',
		mobilePrefix: '60',
		mobileNumber: '15659874544',
		mobilePrefixCountry: 'MY',
		firstName: 'Trump',
		lastName: 'Donald',
		dateOfBirth: '1958-04-25',
		addressLine: 'Nashville TN 37011',
		city: 'Paris',
		state: 'dizhi',
		postCode: '223456',
		countryCode: 'FR',
		identificationType: 'PASSPORT',
		identificationNumber: 'A563F186',
		identificationExpiryDate: '2099-12-31',
		imageSource: 'binary',
		frontBinary: 'front',
		handheldBinary: 'handheld',
		...overrides,
	};
}

/** Every string in a value, at any depth (keys included). */
function allText(value) {
	return JSON.stringify(value);
}

/**
 * Throws when any card secret occurs in the value: full card numbers, CVVs as values, PINs,
 * activation codes, KYC image content.
 */
function expectNoSecrets(value, secrets) {
	const text = allText(value);
	for (const cardNo of secrets.cardNumbers || []) expect(text).not.toContain(cardNo);
	for (const cvv of secrets.cvvs || []) expect(text).not.toMatch(new RegExp(`"${cvv}"`));
	for (const other of secrets.values || []) expect(text).not.toContain(other);
	// secrets by name are left out (cardCvv) or "[redacted]" (cvv, pin, activation code), never a value
	expect(text).not.toMatch(/"cardCvv"\s*:/);
	expect(text).not.toMatch(/"(cvv|pin|activationCode)"\s*:\s*"(?!\[redacted\])/);
	expect(text).not.toContain(FRONT.toString('base64').slice(0, 40));
	expect(text).not.toContain(HANDHELD.toString('base64').slice(0, 40));
	expect(text).not.toContain(BACK.toString('base64').slice(0, 40));
}

module.exports = { FRONT, HANDHELD, BACK, binaryOf, kycParameters, expectNoSecrets, photo };

/** A cardholder whose KYC is already decided, straight into the sandbox's state. */
function seedUser(sandbox, email = 'kyc@kazepay.io', status = 'PASSED') {
	const state = sandbox.state('kazepay');
	state.users[email] = { email, status, mobileNumber: '15659874544', mobilePrefix: '60', images: {} };
	return state.users[email];
}

/** An assigned card (ACTIVE unless told), with a balance in cents, straight into the sandbox's state. */
function seedCard(sandbox, { email = 'kyc@kazepay.io', status = 'ACTIVE', balance = 0 } = {}) {
	const state = sandbox.state('kazepay');
	if (!state.users[email]) seedUser(sandbox, email);
	const stock = Object.values(state.inventory).find((s) => !s.assignedTo);
	state.cardId += 1;
	const cardID = String(state.cardId);
	stock.assignedTo = cardID;
	state.cards[cardID] = { cardID, cardNo: stock.cardNo, cvv: stock.cvv, expiryDate: stock.expiryDate, activationCode: stock.activationCode, activationUsed: status !== 'UNACTIVATED', email, currency: 'USD', status, pinHash: null, balance, block: 0 };
	return state.cards[cardID];
}

module.exports.seedUser = seedUser;
module.exports.seedCard = seedCard;
