// KazePay's failure codes in plain language, and how caught KazePay errors are re-thrown.
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { ApiContext } from '../shared/transport';

/**
 * Plain-language hints for `head.code` values. KazePay's real code list is not public (the reference
 * only shows "SUCCESS"); these are the codes the local sandbox uses, which name the documented
 * failure cases. An unknown code still fails with KazePay's own `detail`.
 */
export const KAZEPAY_ERRORS: Record<string, string> = {
	PARAM_ERROR: 'A field was missing or invalid. Check the fields of this operation.',
	SIGN_ERROR:
		'KazePay could not verify the request signature or decrypt it. Check the merchant private key, the platform public key and the algorithm settings of the credential.',
	SYS_ID_ERROR: 'KazePay does not know this System ID (sysId). Check the credential.',
	REPEAT_REQUEST:
		'This requestNo was already used. For a money move it is derived from the Idempotency Key: the key was sent before. Other calls make a new requestNo on every run: run the item again.',
	API_CODE_ERROR: 'KazePay does not offer this apiCode for your account.',
	USER_NOT_FOUND: 'No KYC was submitted for this email. Submit the KYC first.',
	KYC_NOT_PASSED: 'The card can only be assigned or activated after the KYC review has passed. Check the KYC status.',
	CARD_NOT_FOUND: 'No card with this card ID (or card number) exists for your account.',
	CARD_ALREADY_ASSIGNED:
		"This physical card is already assigned to a cardholder. If an earlier run's answer was lost, that run may have assigned it: find the card ID (KazePay Trigger event or dashboard) and run again with Options → Card ID to Reconcile With.",
	KYC_ALREADY_SUBMITTED: 'A KYC for this email was already submitted and is under review or passed. Check it with KYC → Get Status.',
	ACTIVATION_CODE_ERROR: 'The activation code is wrong. The cardholder receives it from KazePay, and it can only be used once.',
	ACTIVATION_CODE_USED: 'The activation code was already used: the card is activated, or a new code is needed.',
	CARD_STATUS_ERROR: 'The card is not in a status that allows this (for example frozen, closed or not yet active).',
	INSUFFICIENT_BALANCE: 'Your merchant account does not hold enough funds for this recharge.',
	CURRENCY_ERROR: 'The card does not use this currency.',
};

/**
 * A caught error as the n8n error it already is (KazePay calls throw NodeApiError / NodeOperationError),
 * for re-throwing after a reconciliation did not apply; anything else is wrapped in a NodeOperationError.
 */
export function asNodeError(context: ApiContext, error: unknown, itemIndex?: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(context.getNode(), error as Error, { itemIndex });
}

/** The provider code of a caught KazePay error (e.g. CARD_ALREADY_ASSIGNED), if any. */
export function providerCodeOf(error: unknown): string | undefined {
	const code = (error as { context?: { providerCode?: unknown } } | undefined)?.context?.providerCode;
	return typeof code === 'string' ? code : undefined;
}
