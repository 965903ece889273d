import type { INodeProperties } from 'n8n-workflow';

import { FieldError } from './validation';

/**
 * Dates from n8n's date-time fields, read in the workflow's time zone.
 *
 * n8n's date picker stores a local date-time without a zone ("2026-12-01T09:30:00"); an expression may
 * give an ISO string with an offset, a date only, a JS Date, epoch milliseconds or a Luxon DateTime.
 * A value without a zone means wall-clock time in the workflow's zone (`this.getTimezone()`), as it
 * does in n8n's own nodes; a value with a zone is an instant. Providers then get the format they ask
 * for, written in the zone they document (UTC unless said otherwise).
 */

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?$/;
const ZONED = /(?:Z|[+-]\d{2}:?\d{2})$/i;

interface WallClock {
	year: number;
	month: number;
	day: number;
	hour: number;
	minute: number;
	second: number;
}

/** The wall clock of an instant in a zone. */
export function wallClockIn(instant: Date, timezone: string): WallClock {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone: timezone,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit',
	}).formatToParts(instant);
	const part = (type: string) => Number(parts.find((entry) => entry.type === type)?.value);
	return { year: part('year'), month: part('month'), day: part('day'), hour: part('hour') % 24, minute: part('minute'), second: part('second') };
}

/** The instant at which the wall clock in `timezone` shows the given local time (DST gaps move forward). */
function instantOfWallClock(clock: WallClock, millis: number, timezone: string): Date {
	const asUtc = Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second, millis);
	let guess = asUtc;
	for (let round = 0; round < 3; round++) {
		const seen = wallClockIn(new Date(guess), timezone);
		const seenUtc = Date.UTC(seen.year, seen.month - 1, seen.day, seen.hour, seen.minute, seen.second, millis);
		const drift = seenUtc - asUtc;
		if (drift === 0) break;
		guess -= drift;
	}
	return new Date(guess);
}

function checkZone(timezone: string): string {
	try {
		new Intl.DateTimeFormat('en-US', { timeZone: timezone });
		return timezone;
	} catch {
		return 'UTC';
	}
}

/**
 * Reads a date-time parameter as an instant. Empty → undefined (or FieldError when required).
 * `timezone` is the workflow's zone, used only for values without a zone.
 */
export function readInstant(value: unknown, field: string, timezone: string, required = false): Date | undefined {
	if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
		if (required) throw new FieldError(field, 'is required');
		return undefined;
	}
	if (value instanceof Date) {
		if (Number.isNaN(value.getTime())) throw new FieldError(field, 'is not a valid date');
		return value;
	}
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) throw new FieldError(field, 'is not a valid date');
		return new Date(value);
	}
	if (typeof value === 'object' && typeof (value as { toISO?: unknown }).toISO === 'function') {
		return readInstant((value as { toISO: () => string }).toISO(), field, timezone, required);
	}
	if (typeof value !== 'string') throw new FieldError(field, 'must be a date');
	const text = value.trim();
	const local = LOCAL.exec(text);
	if (local) {
		const [, year, month, day, hour = '0', minute = '0', second = '0', millis = '0'] = local;
		const clock = { year: +year, month: +month, day: +day, hour: +hour, minute: +minute, second: +second };
		const check = new Date(Date.UTC(clock.year, clock.month - 1, clock.day));
		if (check.getUTCMonth() !== clock.month - 1 || check.getUTCDate() !== clock.day || clock.hour > 23 || clock.minute > 59 || clock.second > 59) {
			throw new FieldError(field, `"${text}" is not a real date and time`);
		}
		return instantOfWallClock(clock, Number(millis.padEnd(3, '0')), checkZone(timezone));
	}
	if (ZONED.test(text) || /^\d{4}-\d{2}-\d{2}T/.test(text)) {
		const parsed = new Date(text);
		if (!Number.isNaN(parsed.getTime())) return parsed;
	}
	throw new FieldError(field, `"${text}" is not a date (use the date picker, or an ISO date such as 2026-12-01T09:30:00)`);
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

export type DateFormat = 'yyyy-MM-dd' | 'yyyy-MM-dd HH:mm:ss' | 'iso' | 'epochSeconds' | 'epochMillis';

/** Writes an instant the way a provider asks for it, in the provider's zone (UTC by default). */
export function formatInstant(instant: Date, format: DateFormat, providerZone = 'UTC'): string | number {
	if (format === 'epochSeconds') return Math.floor(instant.getTime() / 1000);
	if (format === 'epochMillis') return instant.getTime();
	if (format === 'iso') return instant.toISOString();
	const clock = wallClockIn(instant, providerZone);
	const date = `${pad(clock.year, 4)}-${pad(clock.month)}-${pad(clock.day)}`;
	return format === 'yyyy-MM-dd' ? date : `${date} ${pad(clock.hour)}:${pad(clock.minute)}:${pad(clock.second)}`;
}

/**
 * A calendar date (yyyy-MM-dd) from a date-time field: the date the workflow's zone shows for the
 * value. "2026-12-01T23:30:00" stays 2026-12-01 in any zone; "2026-12-01T23:30:00Z" is 2026-12-02 in
 * Asia/Tehran.
 */
export function readCalendarDate(value: unknown, field: string, timezone: string, required = false): string {
	if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value.trim())) {
		readInstant(value, field, timezone, required);
		return value.trim();
	}
	const instant = readInstant(value, field, timezone, required);
	return instant ? (formatInstant(instant, 'yyyy-MM-dd', checkZone(timezone)) as string) : '';
}

/** A date-time parameter whose description says how the value is read. */
export function dateTimeProperty(property: Omit<INodeProperties, 'type' | 'default'> & { default?: string }): INodeProperties {
	return {
		default: '',
		...property,
		type: 'dateTime',
		description: `${property.description ? `${property.description}. ` : ''}Without a time zone it is read in the workflow's time zone`,
	};
}
