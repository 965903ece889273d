'use strict';
// Direct tests of the shared kit every provider composes (docs/adding-a-provider.md): validation, dates,
// outputs, locators, pagination, call tables.
const v = require('../../dist/nodes/shared/validation');
const dates = require('../../dist/nodes/shared/dates');
const output = require('../../dist/nodes/shared/output');
const locator = require('../../dist/nodes/shared/locator');
const { collectPages } = require('../../dist/nodes/shared/pagination');
const transport = require('../../dist/nodes/shared/transport');
const { ignoreRepeatsOption, ignoresRepeats } = require('../../dist/nodes/shared/webhook');

const problem = (fn) => {
	try {
		fn();
	} catch (error) {
		expect(error).toBeInstanceOf(v.FieldError);
		return error.message;
	}
	throw new Error('no FieldError');
};

describe('validation', () => {
	test('luhnValid and checkCardNumber: check digit, lengths, separators; the number is never repeated', () => {
		expect(v.luhnValid('4111111111111111')).toBe(true);
		expect(v.luhnValid('4111111111111112')).toBe(false);
		expect(v.luhnValid('6037997599999993')).toBe(true);
		expect(v.checkCardNumber('4111 1111-1111 1111', 'Card Number')).toBe('4111111111111111');
		const wrong = problem(() => v.checkCardNumber('4111111111111112', 'Card Number'));
		expect(wrong).toMatch(/^Card Number is not a valid card number/);
		expect(wrong).not.toContain('4111');
		expect(problem(() => v.checkCardNumber('4111111111111111', 'Card', { minLength: 19, maxLength: 19 }))).toMatch(/must be 19 digits/);
		expect(problem(() => v.checkCardNumber('4111x111', 'Card'))).toMatch(/only digits/);
		expect(problem(() => v.checkCardNumber('', 'Card'))).toMatch(/is required/);
	});

	test('checkDate: real dates, the old boolean form, not-future and not-past in a zone, date-times cut to the date', () => {
		expect(v.checkDate('2024-02-29', 'Birth Date')).toBe('2024-02-29');
		expect(problem(() => v.checkDate('2023-02-29', 'Birth Date'))).toMatch(/not a real calendar date/);
		expect(v.checkDate('', 'Birth Date', false)).toBe('');
		expect(v.checkDate('1990-05-01T00:00:00', 'Birth Date', { notFuture: true })).toBe('1990-05-01');
		expect(problem(() => v.checkDate('2999-01-01', 'Birth Date', { notFuture: true }))).toMatch(/in the future/);
		expect(problem(() => v.checkDate('2000-01-01', 'Expiry', { notPast: true }))).toMatch(/in the past/);
		// "today" depends on the zone: at 2026-12-01T22:30Z it is already Dec 2 in Tehran (+03:30)
		const late = new Date('2026-12-01T22:30:00Z');
		expect(v.todayIn('UTC', late)).toBe('2026-12-01');
		expect(v.todayIn('Asia/Tehran', late)).toBe('2026-12-02');
	});

	test('asText: scalars written out, anything else empty', () => {
		expect([v.asText('a'), v.asText(12.5), v.asText(false), v.asText(undefined), v.asText(null), v.asText({ a: 1 })]).toEqual(['a', '12.5', 'false', '', '', '']);
	});
});

describe('dates in the workflow time zone', () => {
	test('a value without a zone is wall-clock time in the workflow zone; with a zone it is an instant', () => {
		expect(dates.readInstant('2026-12-01T09:30:00', 'From', 'Asia/Tehran').toISOString()).toBe('2026-12-01T06:00:00.000Z');
		expect(dates.readInstant('2026-07-01 09:30', 'From', 'Europe/Berlin').toISOString()).toBe('2026-07-01T07:30:00.000Z');
		expect(dates.readInstant('2026-12-01T09:30:00Z', 'From', 'Asia/Tehran').toISOString()).toBe('2026-12-01T09:30:00.000Z');
		expect(dates.readInstant('2026-12-01T09:30:00+01:00', 'From', 'UTC').toISOString()).toBe('2026-12-01T08:30:00.000Z');
		expect(dates.readInstant('2026-12-01', 'From', 'America/New_York').toISOString()).toBe('2026-12-01T05:00:00.000Z');
		expect(dates.readInstant(new Date(0), 'From', 'UTC').getTime()).toBe(0);
		expect(dates.readInstant({ toISO: () => '2026-12-01T00:00:00.000+03:30' }, 'From', 'UTC').toISOString()).toBe('2026-11-30T20:30:00.000Z');
		expect(dates.readInstant('', 'From', 'UTC')).toBeUndefined();
		expect(problem(() => dates.readInstant('', 'From', 'UTC', true))).toMatch(/From is required/);
		expect(problem(() => dates.readInstant('2026-02-30T10:00:00', 'From', 'UTC'))).toMatch(/not a real date/);
		expect(problem(() => dates.readInstant('yesterday', 'From', 'UTC'))).toMatch(/is not a date/);
	});

	test('formats: provider zone, epoch seconds and millis, ISO', () => {
		const instant = new Date('2026-12-01T22:30:05.000Z');
		expect(dates.formatInstant(instant, 'yyyy-MM-dd HH:mm:ss')).toBe('2026-12-01 22:30:05');
		expect(dates.formatInstant(instant, 'yyyy-MM-dd HH:mm:ss', 'Asia/Shanghai')).toBe('2026-12-02 06:30:05');
		expect(dates.formatInstant(instant, 'yyyy-MM-dd', 'Asia/Tehran')).toBe('2026-12-02');
		expect(dates.formatInstant(instant, 'epochSeconds')).toBe(1796164205);
		expect(dates.formatInstant(instant, 'epochMillis')).toBe(1796164205000);
		expect(dates.formatInstant(instant, 'iso')).toBe('2026-12-01T22:30:05.000Z');
	});

	test('calendar dates: a plain date stays itself; an instant becomes the date the workflow zone shows', () => {
		expect(dates.readCalendarDate('2026-12-01', 'Day', 'Asia/Tehran')).toBe('2026-12-01');
		expect(dates.readCalendarDate('2026-12-01T23:30:00', 'Day', 'Asia/Tehran')).toBe('2026-12-01');
		expect(dates.readCalendarDate('2026-12-01T23:30:00Z', 'Day', 'Asia/Tehran')).toBe('2026-12-02');
		expect(dates.readCalendarDate('', 'Day', 'UTC')).toBe('');
	});

	test('a dateTime property says how a value without a zone is read', () => {
		const property = dates.dateTimeProperty({ displayName: 'From', name: 'from', description: 'First day' });
		expect(property).toEqual(expect.objectContaining({ type: 'dateTime', default: '' }));
		expect(property.description).toMatch(/^First day\. .*workflow's time zone$/);
	});
});

describe('outputs', () => {
	test('money both ways: minor and major units, exact, with the currency exponent', () => {
		expect(output.moneyOf(1234, 'eur', 'minor')).toEqual({ amount: '12.34', currency: 'EUR', minor: 1234 });
		expect(output.moneyOf('500', 'JPY', 'minor')).toEqual({ amount: '500', currency: 'JPY', minor: 500 });
		expect(output.moneyOf('10.50', 'USD', 'major')).toEqual({ amount: '10.5', currency: 'USD', minor: 1050 });
		expect(output.moneyOf('0.000001', 'USDT', 'major')).toEqual(expect.objectContaining({ amount: '0.000001', currency: 'USDT' }));
		expect(output.moneyOf('12.345', 'USD', 'major')).toEqual({ amount: '12.345', currency: 'USD' });
		expect(output.moneyOf('abc', 'USD', 'major')).toBeUndefined();
		expect(output.moneyOf(12, '', 'major')).toBeUndefined();
		expect(output.moneyOf('12.5', 'USD', 'minor')).toBeUndefined();
		expect(output.withMoney({ amount: 1234, currency: 'EUR' }, 1234, 'EUR', 'minor')).toEqual({ amount: 1234, currency: 'EUR', money: { amount: '12.34', currency: 'EUR', minor: 1234 } });
		expect(output.withMoney({ a: 1 }, undefined, 'EUR', 'minor')).toEqual({ a: 1 });
	});

	test('Simplify and pick', () => {
		expect(output.simplifyProperty({ show: { operation: ['getMany'] } }, 'id, status and amount')).toEqual(
			expect.objectContaining({ name: 'simplify', type: 'boolean', default: true }),
		);
		expect(output.pick({ id: 1, b: 2, status: 'x' }, ['status', 'id', 'missing'])).toEqual({ status: 'x', id: 1 });
	});
});

describe('resource locators', () => {
	test('modes: From list only with a search method, By URL only with a pattern', () => {
		const full = locator.resourceLocator({ name: 'cardId', displayName: 'Card', searchListMethod: 'searchCards', idPattern: 'kc-[a-z0-9]+', urlPattern: 'https://x/cards/(kc-[a-z0-9]+)' });
		expect(full.type).toBe('resourceLocator');
		expect(full.modes.map((mode) => mode.name)).toEqual(['list', 'id', 'url']);
		expect(full.default).toEqual({ mode: 'list', value: '' });
		expect(full.modes[0].typeOptions).toEqual({ searchListMethod: 'searchCards', searchable: true });
		expect(full.modes[1].validation[0].properties.regex).toBe('^(?:kc-[a-z0-9]+)$');
		const idOnly = locator.resourceLocator({ name: 'x', displayName: 'X' });
		expect(idOnly.modes.map((mode) => mode.name)).toEqual(['id']);
		expect(idOnly.default).toEqual({ mode: 'id', value: '' });
	});

	test('searchResults filters by name or id without case, and caps the list', () => {
		const items = [
			{ name: 'Visa …1111', value: 'kc-1' },
			{ name: 'Master …4444', value: 'kc-2' },
		];
		expect(locator.searchResults(items, 'visa').results).toEqual([items[0]]);
		expect(locator.searchResults(items, 'KC-2').results).toEqual([items[1]]);
		expect(locator.searchResults(items).results).toEqual(items);
		expect(locator.searchResults(items, '', 1).results).toHaveLength(1);
	});

	test('readLocator takes a locator value, a plain saved string or a number, and checks it', () => {
		const context = (value) => ({ getNodeParameter: () => value });
		expect(locator.readLocator(context(' kc-1 '), 'cardId', 0, 'Card')).toBe('kc-1');
		expect(locator.readLocator(context({ __rl: true, mode: 'list', value: 'kc-2' }), 'cardId', 0, 'Card')).toBe('kc-2');
		expect(locator.readLocator(context(42), 'cardId', 0, 'Card')).toBe('42');
		expect(problem(() => locator.readLocator(context(''), 'cardId', 0, 'Card'))).toMatch(/Card is required/);
		expect(locator.readLocator(context(''), 'cardId', 0, 'Card', { required: false })).toBe('');
		expect(problem(() => locator.readLocator(context('x/y'), 'cardId', 0, 'Card', { pattern: /^kc-\w+$/, hint: 'a card ID such as kc-123' }))).toMatch(/a card ID such as kc-123/);
		expect(problem(() => locator.readLocator(context([1]), 'cardId', 0, 'Card'))).toMatch(/must be an ID/);
	});
});

describe('pagination', () => {
	test('collectPages: stops at the last page, at an empty page, and at the limit', async () => {
		const pages = { 1: [1, 2], 2: [3, 4], 3: [5] };
		const fetched = [];
		const fetchPage = async (page) => {
			fetched.push(page);
			return { entries: pages[page] || [], hasMore: page < 3 };
		};
		expect(await collectPages(fetchPage, undefined)).toEqual([1, 2, 3, 4, 5]);
		expect(fetched).toEqual([1, 2, 3]);
		fetched.length = 0;
		expect(await collectPages(fetchPage, 3)).toEqual([1, 2, 3]);
		expect(fetched).toEqual([1, 2]);
		expect(await collectPages(async () => ({ entries: [], hasMore: true }), undefined)).toEqual([]);
	});
});

describe('call tables', () => {
	test('callRequest takes kind, evidence and outcome from the table entry, never from the call site', () => {
		const spec = { kind: 'moneyMove', why: 'moves money', outcome: 'payout', evidence: transport.requireFields(['id']) };
		const request = transport.callRequest(spec, { method: 'POST', path: '/payouts', kind: 'read', evidence: () => undefined });
		expect(request.kind).toBe('moneyMove');
		expect(request.evidence).toBe(spec.evidence);
		expect(request.outcome).toBe('payout');
		expect(transport.callRequest(spec, { method: 'POST', path: '/p', outcome: 'refund' }).outcome).toBe('refund');
	});

	test('requireFields: every group needs one present field; arrays are read by their first entry', () => {
		const check = transport.requireFields(['id'], ['status', 'state']);
		expect(check({ id: 'p1', state: 'done' })).toBeUndefined();
		expect(check([{ id: 7, status: 'ok' }])).toBeUndefined();
		expect(check({ id: ' ', status: 'ok' })).toBe('id');
		expect(check({})).toBe('id and status or state');
		expect(check(undefined)).toBe('id and status or state');
		const nested = transport.requireFieldsIn((body) => body && body.data, ['id']);
		expect(nested({ data: { id: 'x' } })).toBeUndefined();
		expect(nested({ id: 'x' })).toBe('id');
	});
});

test('the ignore-repeats option is the same in every trigger, on by default', () => {
	const option = ignoreRepeatsOption('same signed ID and status');
	expect(option).toEqual(expect.objectContaining({ name: 'ignoreRepeats', type: 'boolean', default: true }));
	expect(option.description).toContain('(same signed ID and status)');
	expect([ignoresRepeats({}), ignoresRepeats({ ignoreRepeats: true }), ignoresRepeats({ ignoreRepeats: false })]).toEqual([true, true, false]);
});
