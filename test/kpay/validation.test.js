'use strict';
// The check-digit algorithms against reference vectors (built code in dist/), and the sandbox agreeing.
// Card numbers use the shared Luhn check; Shaba, mobile number and password checks are KPAY's own.
const path = require('path');
const { PACKAGE_ROOT } = require('../harness/n8n');
const { shabaValid, checkKpayCardNumber, checkShaba, checkMobile, checkPassword } = require(path.join(PACKAGE_ROOT, 'dist/nodes/Kpay/validators'));
const sandbox = require('../../sandbox/providers/kpay');
const { FieldError, luhnValid } = require(path.join(PACKAGE_ROOT, 'dist/nodes/shared/validation'));

test.each([
	['6037997599999993', true],
	['6219861234567898', true],
	['4111111111111111', true],
	['6037997599999995', false],
	['6219861234567899', false],
	['1234567812345678', false],
])('Luhn %s → %s (node and sandbox agree)', (number, valid) => {
	expect(luhnValid(number)).toBe(valid);
	expect(sandbox.luhn(number)).toBe(valid);
});

test.each([
	['IR820540102680020817909002', true],
	['IR160120000000001234567890', true],
	['IR830540102680020817909002', false],
	['IR820540102680020817909003', false],
	['IR8205401026800208179090', false],
	['DE89370400440532013000', false],
])('Shaba %s → %s (node and sandbox agree)', (shaba, valid) => {
	expect(shabaValid(shaba)).toBe(valid);
	expect(sandbox.shabaValid(shaba)).toBe(valid);
});

test('field checks normalise what they accept and name the field when they refuse', () => {
	expect(checkKpayCardNumber('6037 9975 9999 9993', 'Card Number')).toBe('6037997599999993');
	// KPAY takes 16 digits: a valid 15- or 19-digit number is refused
	expect(() => checkKpayCardNumber('378282246310005', 'Card Number')).toThrow(/Card Number must be 16 digits/);
	expect(() => checkKpayCardNumber('6037997599999993000', 'Card Number')).toThrow(/Card Number must be 16 digits/);
	expect(checkShaba(' ir82-0540-1026-8002-0817-9090-02 ', 'Shaba')).toBe('IR820540102680020817909002');
	expect(checkShaba('', 'Shaba')).toBe('');
	expect(checkMobile('09121234567', 'Mobile Number')).toBe('09121234567');
	expect(checkPassword(' abcde ', 'Password')).toBe(' abcde ');
	expect(() => checkKpayCardNumber('6037997599999995', 'Card Number')).toThrow(FieldError);
	expect(() => checkMobile('+989121234567', 'Mobile Number')).toThrow(/Mobile Number must be 09 followed by 9 digits/);
	expect(() => checkPassword('abcde', 'Password')).toThrow(/at least 6 characters/);
});
