import { createHash } from 'crypto';

import { safeEqual } from '../shared/webhook';

/**
 * eZeeWallet notification signature.
 *
 * Algorithm (reference, "Notification"): signature = lowercase hex SHA-1 of
 * `<id><merchant api_username>`, concatenated with no separator. `id` is the notification's
 * `transaction_id`; payout notifications carry `unique_id` instead (and older versions of the
 * reference signed `unique_id`), so either id is accepted.
 *
 * Reference vector: id "123456789abcdefg" + username "0987654321xyz"
 * → "9ec1df9a7013f6a5b952b9d3f12d620475d37c86".
 */
export function ezeeWalletSignature(id: string, apiUsername: string): string {
	return createHash('sha1').update(`${id}${apiUsername}`, 'utf8').digest('hex');
}

/** The id whose signature matches, or undefined when none does. Comparison is constant-time. */
export function verifyEzeeWalletSignature(
	candidateIds: Array<string | undefined>,
	signature: string,
	apiUsername: string,
): string | undefined {
	const received = signature.trim().toLowerCase();
	let matched: string | undefined;
	for (const id of candidateIds) {
		if (typeof id !== 'string' || id === '') continue;
		// compare against every candidate so timing does not reveal which id matched
		if (safeEqual(received, ezeeWalletSignature(id, apiUsername)) && matched === undefined) matched = id;
	}
	return matched;
}
