import type {
	IDataObject,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { moneyOf } from '../shared/output';
import {
	acknowledge,
	getBodyFields,
	ignoreRepeatsOption,
	ignoresRepeats,
	refuseLargeBody,
	reject,
	rememberEvent,
	urlPerRequestWebhookMethods,
} from '../shared/webhook';
import { withoutCardData } from './actions/card';
import type { Verification } from './trigger';
import { confirmWithKasha, KASHA_STATUSES, NOTIFIED_ID, notifiedId, refuseUnsigned } from './trigger';
import { textOf } from './transport';

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
					'Give Kasha this trigger’s URL (Webhook URLs above) as the Notification URL of a payment or payout (Additional Fields of the Kasha node), or in the Kasha merchant portal for all of them: the Test URL while you listen for a test event in the editor, the Production URL once the workflow is active',
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName:
					'With a Signature Secret Key in the Kasha credential, only notifications with a valid x-signature are accepted; each is also confirmed by looking the transaction up at Kasha. Without the key, only that lookup protects the workflow',
				name: 'verificationNotice',
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
					ignoreRepeatsOption(
						'same transaction and status; only signed or confirmed values make the key, so an unsigned, unconfirmed notification is never treated as a repeat',
					),
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
		// before anything else: nothing unsigned is parsed further or looked up
		const { signed, refused } = refuseUnsigned(this, credentials);
		if (refused) return refused;

		const fields = getBodyFields(this);
		let transactionId = notifiedId(fields);
		if (!transactionId || transactionId.length > 255) return reject(this, 400, 'no transaction ID in the notification');
		if (!NOTIFIED_ID.test(transactionId)) return reject(this, 400, 'the notification’s transaction ID is not a Kasha transaction ID');

		let transaction: IDataObject = {};
		let confirmed = false;
		if (options.confirm !== false) {
			const lookup = await confirmWithKasha(this, transactionId, fields, credentials);
			if ('refused' in lookup) return lookup.refused;
			({ transaction, transactionId } = lookup);
			confirmed = true;
		}
		const verification: Verification = signed ? (confirmed ? 'signature+lookup' : 'signature') : confirmed ? 'lookup' : 'none';

		const status = (textOf(transaction.status) ?? textOf(fields.status) ?? '').toUpperCase();
		const ack = { received: true };
		const statuses = this.getNodeParameter('statuses', []) as string[];
		if (statuses.length > 0 && !statuses.includes(status)) return acknowledge(this, ack);
		// the repeat key holds only signed or confirmed values (Kasha's ID and status, or the signed ones):
		// unverified values could let a forger use up the key of a real event before it arrives
		if (ignoresRepeats(options) && verification !== 'none' && !rememberEvent(this, `${transactionId}:${status}`)) {
			return acknowledge(this, ack);
		}

		// whatever Kasha or the sender echoes, secrets and card data never reach the workflow
		// money both ways: Kasha's paymentAmount untouched, plus `money` (from Kasha's record when confirmed)
		const amountOf = confirmed ? transaction : fields;
		const money = moneyOf(amountOf.paymentAmount ?? amountOf.amount, amountOf.currency, 'major');
		return acknowledge(this, ack, [
			{
				...withoutCardData(transaction),
				...(money ? { money } : {}),
				transactionId,
				status,
				confirmed,
				verification,
				notification: withoutCardData(fields),
				receivedAt: new Date().toISOString(),
			},
		]);
	}
}
