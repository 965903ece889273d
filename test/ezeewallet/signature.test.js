const CryptoJS = require('crypto-js');
const { ezeeWalletSignature, verifyEzeeWalletSignature } = require('../../dist/nodes/EzeeWallet/signature');

describe('eZeeWallet notification signature', () => {
	test("matches the reference's own example", () => {
		expect(ezeeWalletSignature('123456789abcdefg', '0987654321xyz')).toBe('9ec1df9a7013f6a5b952b9d3f12d620475d37c86');
	});

	test('agrees with crypto-js as an independent oracle', () => {
		for (const [id, user] of [['MerchantTx123', 'merchant'], ['ü-ñ-1', 'user:with:colons'], ['', 'x'], ['42', '']]) {
			expect(ezeeWalletSignature(id, user)).toBe(CryptoJS.SHA1(`${id}${user}`).toString(CryptoJS.enc.Hex));
		}
	});

	test('accepts transaction_id or unique_id, case-insensitively, and nothing else', () => {
		const sig = ezeeWalletSignature('unique-9', 'merchant');
		expect(verifyEzeeWalletSignature(['tx-1', 'unique-9'], sig, 'merchant')).toBe('unique-9');
		expect(verifyEzeeWalletSignature([undefined, 'unique-9'], sig.toUpperCase(), 'merchant')).toBe('unique-9');
		expect(verifyEzeeWalletSignature(['tx-1'], sig, 'merchant')).toBeUndefined();
		expect(verifyEzeeWalletSignature(['unique-9'], sig, 'other-merchant')).toBeUndefined();
		expect(verifyEzeeWalletSignature(['unique-9'], sig.slice(0, -1) + '0', 'merchant')).toBeUndefined();
		expect(verifyEzeeWalletSignature(['', undefined], ezeeWalletSignature('', 'merchant'), 'merchant')).toBeUndefined();
	});
});
