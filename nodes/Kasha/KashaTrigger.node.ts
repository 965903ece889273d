import type {
	IDataObject,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeApiError, NodeConnectionTypes } from 'n8n-workflow';

import { acknowledge, getBodyFields, reject, rememberEvent, urlPerRequestWebhookMethods } from '../shared/webhook';
import { kashaRequest } from './transport';

/** Statuses a Kasha transaction can have (from the reference's samples and the payout flow). */
export const KASHA_STATUSES = ['COMPLETED', 'PENDING', 'PROCESSING', 'DECLINED', 'ERROR', 'REFUNDED', 'CANCELLED', 'EXPIRED'];

const asText = (value: unknown) =>
	typeof value === 'string' || typeof value === 'number' ? String(value).trim() : undefined;

/** The transaction ID in a notification. The payload is not in the reference: common spellings are accepted. */
function notifiedId(fields: IDataObject): string | undefined {
	const result = fields.result && typeof fields.result === 'object' ? (fields.result as IDataObject) : {};
	return asText(fields.transactionId) ?? asText(fields.transaction_id) ?? asText(result.transactionId) ?? asText(fields.id);
}

/**
 * What a notified transaction ID may look like before it is looked up: Kasha's IDs are UUIDs. It must
 * start with a letter or digit, so "." and ".." (path segments that URL handling removes, which would
 * send the lookup to another URL) and anything with slashes, spaces or control characters are refused.
 */
export const NOTIFIED_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,254}$/;

/** The ID Kasha's answer gives for the transaction it describes (the reference's sample has `id`). */
function confirmedId(transaction: IDataObject): string | undefined {
	return asText(transaction.id) ?? asText(transaction._id) ?? asText(transaction.transactionId);
}

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
		description: 'Starts the workflow on Kasha payment and payout notifications, confirmed with Kasha first',
		defaults: { name: 'Kasha Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'kashaApi', required: true }],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'notification' }],
		properties: [
			{
				displayName:
					'Use this trigger’s production URL as the Notification URL of payments and payouts (or in the Kasha merchant portal). Kasha does not sign notifications, so each one is confirmed by fetching the transaction from Kasha with this credential: a notification for an unknown transaction, or one that disagrees with Kasha, is refused and starts nothing.',
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
							'Whether each notification is confirmed by fetching the transaction’s status from Kasha before the workflow starts. Turning this off means anyone who knows the URL can start the workflow.',
					},
					{
						displayName: 'Ignore Repeated Notifications',
						name: 'ignoreRepeats',
						type: 'boolean',
						default: true,
						description: 'Whether a notification already received (same transaction and status) is acknowledged without starting the workflow again',
					},
				],
			},
		],
	};

	// Kasha takes the notification URL with each request (or from the merchant portal): nothing to register.
	webhookMethods = urlPerRequestWebhookMethods;

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const fields = getBodyFields(this);
		let transactionId = notifiedId(fields);
		if (!transactionId || transactionId.length > 255) return reject(this, 400, 'no transaction ID in the notification');
		if (!NOTIFIED_ID.test(transactionId)) return reject(this, 400, 'the notification’s transaction ID is not a Kasha transaction ID');

		let transaction: IDataObject = {};
		let confirmed = false;
		if (options.confirm !== false) {
			try {
				const { body } = await kashaRequest.call(this, 'transactionStatus', {
					pathParams: { transactionId },
					kind: 'read',
				});
				const first = Array.isArray(body) ? body[0] : body;
				transaction = first && typeof first === 'object' ? (first as IDataObject) : {};
			} catch (error) {
				const httpCode = error instanceof NodeApiError ? String(error.httpCode ?? '') : '';
				if (httpCode === '404' || httpCode === '400') return reject(this, 401, 'unknown transaction: notification not confirmed');
				// Kasha could not be asked: answer 503 so that Kasha delivers the notification again later
				const response = this.getResponseObject();
				response.status(503).json({ error: 'could not confirm the notification with Kasha; try again later' });
				return { noWebhookResponse: true };
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

		const status = (asText(transaction.status) ?? asText(fields.status) ?? '').toUpperCase();
		const ack = { received: true };
		const statuses = this.getNodeParameter('statuses', []) as string[];
		if (statuses.length > 0 && !statuses.includes(status)) return acknowledge(this, ack);
		if (options.ignoreRepeats !== false && !rememberEvent(this, `${transactionId}:${status}`)) return acknowledge(this, ack);

		return acknowledge(this, ack, [
			{
				...transaction,
				transactionId,
				status,
				confirmed,
				notification: fields,
				receivedAt: new Date().toISOString(),
			},
		]);
	}
}
