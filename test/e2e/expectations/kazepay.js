'use strict';
// KazePay examples' assertions (format: ../expectations.js).

const crypto = require('crypto');

const kazepay = require('../../../sandbox/providers/kazepay');
const { seedCard } = require('../../kazepay/fixtures');

// what examples/kazepay-cardholder-onboarding.json's "New cardholder" node holds (fake values)
const CARDHOLDER = {
	email: 'aisha.rahman@example.com',
	cardNumber: '4937240000000010', // the sandbox's first stock card (a fresh state has it unassigned)
	activationCode: '70795601', // its single-use activation code in the sandbox
	pin: '482915',
	passportNumber: 'A12345678',
	passportPhoto: '/9j/4AAQSkZJRgABC0pai41hgv4Ii4ie2RCdsLMZ8Vv0y9DIggqM8jC9fknLMCJ6Rwe2ruBa2VfBH9k61Ao+EOPGqz6uk3qQlrEwuf/Z',
	selfie: '/9j/4AAQSkZJRgABG66/fo3Qm52ftG4SYmzNKxSe+ghUho0F2f+HzpNUN/+PB1phzm/KZ9F6fzAepnPrePak4sHFuqVWqQ/s09/zvP/Z',
};
const MASKED = `************${CARDHOLDER.cardNumber.slice(-4)}`;

/** Throws when a card secret or KYC document content is anywhere in the value. */
function expectNoCardSecrets(value, { cvvs = [] } = {}) {
	const text = JSON.stringify(value);
	for (const secret of [CARDHOLDER.cardNumber, CARDHOLDER.activationCode, CARDHOLDER.pin, CARDHOLDER.passportNumber, CARDHOLDER.passportPhoto.slice(0, 40), CARDHOLDER.selfie.slice(0, 40)]) {
		expect(text).not.toContain(secret);
	}
	for (const cvv of cvvs) expect(text).not.toMatch(new RegExp(`"${cvv}"`));
	// secret fields are left out (cardCvv) or "[redacted]" (cvv, pin, activation code), never a value
	expect(text).not.toMatch(/"cardCvv"\s*:/);
	expect(text).not.toMatch(/"(cvv|cvv2|pin|activationCode)"\s*:\s*"(?!\[redacted\])/);
}

async function post(url, body) {
	const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
	return { status: response.status, response: await response.text() };
}

// card events sent by the sandbox (sealed with its platform key for the demo merchant), each one distinct
// (the trigger ignores KazePay's retries of an event it already received)
const CARD_TRANSACTION = {
	eventType: 'CARD_TRANSACTION',
	eventTime: '2026-11-20 18:42:07',
	cardID: '3377',
	cardNo: CARDHOLDER.cardNumber,
	transactionId: 'b1f0c6e2-5d8a-4c39-9e71-0a4f2d6c8e15',
	transType: 'Expenditure',
	transStatus: 'Success',
	amount: '12.50',
	currency: 'USD',
	merchantName: 'KOPI CORNER KLCC',
};
const CARD_ACTIVATED = { eventType: 'CARD_ACTIVATED', eventTime: '2026-11-20 09:05:31', cardID: '3378', status: 'ACTIVE' };

module.exports = {
	// the editor's list searches (test/e2e/examples.e2e.js): KazePay lists only a card's transactions
	// (Filters → Transaction of Transaction → Get Many), so the call needs a card that has some
	listSearch: {
		searchTransactions: {
			parameters: async ({ sandbox, control }) => {
				const card = seedCard(sandbox, { balance: 10_000 });
				await control(`/kazepay/cards/${card.cardID}/spend`, { amount: 2, merchantName: 'E2E COFFEE' });
				return { cardId: card.cardID };
			},
		},
	},
	// examples/kazepay-cardholder-onboarding.json
	exKzpOnboarding01: {
		async setup({ sandbox }) {
			// KazePay's review decides right after the submission (as another process, over HTTP)
			const response = await fetch(`${sandbox.baseUrl}/_control/kazepay/review`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ autoReview: 'PASSED' }),
			});
			expect(response.status).toBe(200);
			const stock = sandbox.state('kazepay').inventory[CARDHOLDER.cardNumber];
			expect(stock).toMatchObject({ activationCode: CARDHOLDER.activationCode, assignedTo: null });
		},
		check({ run, nodeItems, lastNodeItems, sandbox }) {
			const { email } = CARDHOLDER;
			// KazePay's answers untouched, under response where the node adds fields of its own
			expect(nodeItems('Submit KYC')).toEqual([{ email, response: { encrypt: 'SUCCESS', status: 'WAITING_KYC' } }]);
			expect(nodeItems('Check KYC status')).toEqual([{ email, response: { encrypt: 'SUCCESS', status: 'PASSED' } }]);
			const [assigned] = nodeItems('Assign card');
			expect(assigned).toEqual({ cardID: expect.stringMatching(/^\d+$/), email, cardNumber: MASKED, autoActive: false, response: { encrypt: 'SUCCESS', cardID: assigned.cardID } });
			const { cardID } = assigned;
			expect(nodeItems('Activate card')).toEqual([{ encrypt: 'SUCCESS', cardID, status: 'ACTIVE_PROCESSING' }]);
			expect(nodeItems('Set PIN')).toEqual([{ cardID, pinSet: true, response: { encrypt: 'SUCCESS' } }]);
			expect(lastNodeItems).toEqual([
				{
					email,
					cardholder: 'Aisha Rahman',
					kycStatus: 'PASSED',
					cardID,
					cardNumber: MASKED,
					activation: 'ACTIVE_PROCESSING',
					pinSet: true,
					onboardedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
				},
			]);
			const { runData } = run.data.resultData;
			expect(runData['KYC not passed yet']).toBeUndefined();
			// no card number, PIN, CVV, activation code, passport number or photo in the output of any node
			// after the input ("New cardholder" is the onboarding request itself)
			const state = sandbox.state('kazepay');
			const card = state.cards[cardID];
			for (const name of Object.keys(runData).filter((node) => !['Start onboarding', 'New cardholder'].includes(node))) {
				expectNoCardSecrets(nodeItems(name), { cvvs: [card.cvv] });
			}

			// the sandbox: KYC passed, the card assigned to her, activated once, PIN stored
			expect(state.users[email]).toMatchObject({
				status: 'PASSED',
				firstName: 'Aisha',
				lastName: 'Rahman',
				countryCode: 'MY',
				mobilePrefix: '60',
				identificationType: 'PASSPORT',
				identificationNumber: CARDHOLDER.passportNumber,
				identificationExpiryDate: '2031-06-30',
			});
			expect(state.users[email].images).toEqual({ front: expect.any(Number), back: 0, handheld: expect.any(Number) });
			expect(state.users[email].imagePrefixes.front).toBe(`data:image/jpeg;base64,${CARDHOLDER.passportPhoto}`.slice(0, 30));
			expect(card).toMatchObject({ cardNo: CARDHOLDER.cardNumber, email, status: 'ACTIVE', activationUsed: true, balance: 0 });
			expect(card.pinHash).toBe(crypto.createHash('sha256').update(`${cardID}:${CARDHOLDER.pin}`).digest('hex'));
			expect(state.inventory[CARDHOLDER.cardNumber].assignedTo).toBe(cardID);
			expect(Object.keys(state.cards)).toEqual([cardID]);
			// one request per step, each with its own requestNo
			expect(state.received.map((r) => r.apiCode)).toEqual(['setUcardKyc', 'queryUcardKycStatus', 'ucardAssign', 'ucardActive', 'cardSetPin']);
			expect(new Set(state.received.map((r) => r.requestNo)).size).toBe(5);
			expect(sandbox.count({ provider: 'kazepay', method: 'POST', path: '/gateway' })).toBe(5);
			expect(state.events.map(({ event }) => [event.eventType, event.status])).toEqual([
				['KYC_STATUS', 'PASSED'],
				['CARD_ASSIGNED', 'UNACTIVATED'],
				['CARD_ACTIVATED', 'ACTIVE'],
			]);
		},
	},

	// examples/kazepay-card-events.json
	exKzpCardEvents01: {
		signed: [
			{
				name: 'a card transaction event sealed by the sandbox lands in the ledger, card number masked',
				send: ({ url, control }) => control('/kazepay/notify', { url, event: CARD_TRANSACTION }),
				check({ nodeItems, delivery, execution }) {
					expect(delivery.status).toBe(200);
					expect(JSON.parse(delivery.response)).toEqual({ code: 'SUCCESS', detail: 'SUCCESS' });
					const [trigger] = nodeItems('KazePay Trigger');
					expect(trigger).toMatchObject({ ...CARD_TRANSACTION, cardNo: MASKED, verification: 'signature', verified: true, unsignedHead: { apiCode: 'webhookNotify', requestNo: expect.stringMatching(/^\d{22}$/) } });
					expect(nodeItems('Record card event')).toEqual([
						{
							eventType: 'CARD_TRANSACTION',
							cardID: '3377',
							cardNumber: MASKED,
							status: 'Success',
							transactionId: CARD_TRANSACTION.transactionId,
							amount: '12.50',
							currency: 'USD',
							merchantName: 'KOPI CORNER KLCC',
							occurredAt: CARD_TRANSACTION.eventTime,
							receivedAt: trigger.receivedAt,
						},
					]);
					// the full card number is nowhere in the execution n8n stored
					expect(JSON.stringify(execution.data)).not.toContain(CARDHOLDER.cardNumber);
				},
			},
			{
				name: 'a card activation event sealed by the sandbox is recorded',
				send: ({ url, control }) => control('/kazepay/notify', { url, event: CARD_ACTIVATED }),
				check({ nodeItems, delivery }) {
					expect(delivery.status).toBe(200);
					expect(nodeItems('Record card event')).toEqual([
						expect.objectContaining({ eventType: 'CARD_ACTIVATED', cardID: '3378', status: 'ACTIVE', cardNumber: '', transactionId: '', occurredAt: CARD_ACTIVATED.eventTime }),
					]);
				},
			},
		],
		forged: [
			...['sign', 'encrypt', 'keyEnc'].map((part) => ({
				name: `a sandbox event with one character changed in ${part} is refused with 401`,
				send: ({ url, control }) => control('/kazepay/notify', { url, event: { ...CARD_TRANSACTION, transactionId: `forged-${part}` }, tamper: part }),
			})),
			{
				name: 'an event sealed for the merchant but signed with an impostor key is refused with 401',
				send: ({ sandbox, url }) => {
					const impostor = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
					const { merchantPublicKey } = kazepay.sandboxKeys();
					const plaintext = JSON.stringify({ ...CARD_TRANSACTION, transactionId: 'forged-impostor', amount: '999.00' });
					const sealed = kazepay.seal(kazepay.DEFAULT_ALGORITHMS, impostor, merchantPublicKey, plaintext);
					const sysId = sandbox.state('kazepay').sysId;
					return post(url, {
						head: { apiCode: 'webhookNotify', sysId, requestNo: '2026112018420700000042', version: '1.0', sign: sealed.sign, keyEnc: sealed.keyEnc },
						body: { encrypt: sealed.encrypt },
					});
				},
			},
			{
				name: 'a plain (unsealed) event is refused with 401',
				send: ({ sandbox, url }) =>
					post(url, { head: { apiCode: 'webhookNotify', sysId: sandbox.state('kazepay').sysId, version: '1.0' }, body: { ...CARD_TRANSACTION, transactionId: 'forged-plain' } }),
			},
		],
	},
};
