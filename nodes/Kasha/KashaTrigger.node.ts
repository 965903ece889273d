import type {
	IDataObject,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeApiError, NodeConnectionTypes } from 'n8n-workflow';

import { omitKeys, redactFields } from '../shared/redact';
import {
	acknowledge,
	getBodyFields,
	getRawBody,
	refuseLargeBody,
	reject,
	rememberEvent,
	urlPerRequestWebhookMethods,
} from '../shared/webhook';
import { KASHA_SIGNATURE_HEADER, signatureKeyOf } from './signature';
import { SENSITIVE_KEYS } from './actions/common';
import { kashaRequest, KASHA_CALLS } from './transport';
import type { Verification } from './trigger';
import { asText, confirmedId, hasValidSignature, KASHA_STATUSES, NOTIFIED_ID, notifiedId } from './trigger';

/** Fields that, when the notification carries them, must match what Kasha reports for the transaction. */
const COMPARED_FIELDS: Array<[string, string]> = [
	['status', 'status'],
	['merchantReference', 'merchantReference'],
	['currency', 'currency'],
	['amount', 'paymentAmount'],
	['paymentAmount', 'paymentAmount'],
];

function disagreement(notified: IDataObject, confirmed: IDataObject): string | undefined {
	for (const [notifiedKey, confirmedKey] of COMPARED_FIELDS) {
		const claimed = asText(notified[notifiedKey]);
		const actual = asText(confirmed[confirmedKey] ?? confirmed[notifiedKey]);
		if (claimed === undefined || actual === undefined) continue;
		const same = notifiedKey.toLowerCase().includes('amount') ? Number(claimed) === Number(actual) : claimed.toUpperCase() === actual.toUpperCase();
		if (!same) return notifiedKey;
	}
	return undefined;
}

export class KashaTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Kasha Trigger',
		name: 'kashaTrigger',
		icon: { light: 'file:kasha.svg', dark: 'file:kasha.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '=Notifications',
		description: 'Starts the workflow on Kasha payment and payout notifications, verified by signature and confirmed with Kasha first',
		defaults: { name: 'Kasha Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'kashaApi', required: true }],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'notification' }],
		properties: [
			{
				displayName:
					'Use this trigger’s production URL as the Notification URL of payments and payouts (or in the Kasha merchant portal). With a Signature Secret Key in the Kasha credential, only notifications with a valid x-signature are accepted, and each is also confirmed by fetching the transaction from Kasha. Without the key, notifications are unverified until the key is set: only that lookup protects the workflow.',
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Statuses',
				name: 'statuses',
				type: 'multiOptions',
				options: KASHA_STATUSES.map((status) => ({ name: status.charAt(0) + status.slice(1).toLowerCase(), value: status })),
				default: [],
				description: 'Start the workflow only for these (confirmed) statuses. Leave empty for every status.',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Confirm With Kasha',
						name: 'confirm',
						type: 'boolean',
						default: true,
						description:
							'Whether each notification is confirmed by fetching the transaction’s status from Kasha before the workflow starts. With a signature key in the credential, turning this off trusts the signed notification alone; without a key, it means anyone who knows the URL can start the workflow.',
					},
					{
						displayName: 'Ignore Repeated Notifications',
						name: 'ignoreRepeats',
						type: 'boolean',
						default: true,
						description:
							'Whether a notification already received (same transaction and status) is acknowledged without starting the workflow again. Only signed or confirmed values make the key: an unsigned, unconfirmed notification is never treated as a repeat.',
					},
				],
			},
		],
	};

	// Kasha takes the notification URL with each request (or from the merchant portal): nothing to register.
	webhookMethods = urlPerRequestWebhookMethods;

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		// cheap checks first, in this order: size, signature, shape and ID format; only then Kasha is asked
		const tooLarge = refuseLargeBody(this);
		if (tooLarge) return tooLarge;
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const credentials = await this.getCredentials('kashaApi');
		const key = signatureKeyOf(credentials);
		let signed = false;
		if (key) {
			// before anything else: nothing unsigned is parsed further or looked up
			const header = this.getHeaderData()[KASHA_SIGNATURE_HEADER] as string | string[] | undefined;
			const received = (Array.isArray(header) ? header[0] : header)?.trim();
			if (!received) return reject(this, 401, 'the notification is not signed (no x-signature header)');
			if (!hasValidSignature(received, getRawBody(this), key)) return reject(this, 401, 'invalid x-signature');
			signed = true;
		}

		const fields = getBodyFields(this);
		let transactionId = notifiedId(fields);
		if (!transactionId || transactionId.length > 255) return reject(this, 400, 'no transaction ID in the notification');
		if (!NOTIFIED_ID.test(transactionId)) return reject(this, 400, 'the notification’s transaction ID is not a Kasha transaction ID');

		let transaction: IDataObject = {};
		let confirmed = false;
		if (options.confirm !== false) {
			// one call to Kasha per incoming request, well inside LOOKUP_BUDGET: the shared transport sends a
			// read once inside a webhook (Kasha redelivers)
			try {
				const { body } = await kashaRequest.call(this, KASHA_CALLS.transactionStatus, {
					pathParams: { transactionId },
					credentials,
				});
				const first = Array.isArray(body) ? body[0] : body;
				transaction = first && typeof first === 'object' ? (first as IDataObject) : {};
			} catch (error) {
				const httpCode = error instanceof NodeApiError ? String(error.httpCode ?? '') : '';
				if (httpCode === '404' || httpCode === '400') return reject(this, 401, 'unknown transaction: notification not confirmed');
				// Kasha could not be asked (or the budget is used up): a retryable 503, so Kasha delivers again later
				return reject(this, 503, 'could not confirm the notification with Kasha; try again later');
			}
			// only an answer about this very transaction, with its status, confirms the notification
			const kashaId = confirmedId(transaction);
			if (!kashaId || kashaId.toLowerCase() !== transactionId.toLowerCase() || asText(transaction.status) === undefined) {
				return reject(this, 401, 'unknown transaction: Kasha did not confirm this transaction');
			}
			transactionId = kashaId;
			const differs = disagreement(fields, transaction);
			if (differs) return reject(this, 409, `notification disagrees with Kasha (${differs})`);
			confirmed = true;
		}
		const verification: Verification = signed ? (confirmed ? 'signature+lookup' : 'signature') : confirmed ? 'lookup' : 'none';

		const status = (asText(transaction.status) ?? asText(fields.status) ?? '').toUpperCase();
		const ack = { received: true };
		const statuses = this.getNodeParameter('statuses', []) as string[];
		if (statuses.length > 0 && !statuses.includes(status)) return acknowledge(this, ack);
		// the repeat key holds only signed or confirmed values (Kasha's ID and status, or the signed ones):
		// unverified values could let a forger use up the key of a real event before it arrives
		if (options.ignoreRepeats !== false && verification !== 'none' && !rememberEvent(this, `${transactionId}:${status}`)) {
			return acknowledge(this, ack);
		}

		// whatever Kasha or the sender echoes, secrets and card data never reach the workflow
		const clean = <T>(value: T): T => redactFields(omitKeys(value, SENSITIVE_KEYS));
		return acknowledge(this, ack, [
			{
				...clean(transaction),
				transactionId,
				status,
				confirmed,
				verification,
				notification: clean(fields),
				receivedAt: new Date().toISOString(),
			},
		]);
	}
}
