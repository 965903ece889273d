import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { Operation } from '../../shared/router';

type Option = INodePropertyOptions & { value: string; action: string; description: string };

/**
 * The Operation picker of one resource. Operations that manage credentials or keys (`notForAgents`) are
 * left out of the list n8n shows when the node is an AI agent's tool (the `@tool` display condition is
 * true for the node's "…Tool" variant); the router refuses them for agents in any case.
 */
export function operationPicker(
	resource: string,
	operations: Record<string, Operation>,
	options: Option[],
	defaultValue: string,
): INodeProperties[] {
	const forAgents = options.filter((option) => !operations[option.value]?.notForAgents);
	const base = {
		displayName: 'Operation',
		name: 'operation',
		type: 'options' as const,
		noDataExpression: true,
		default: defaultValue,
	};
	if (forAgents.length === options.length) {
		return [{ ...base, displayOptions: { show: { resource: [resource] } }, options }];
	}
	const agentDefault = forAgents.some((option) => option.value === defaultValue) ? defaultValue : forAgents[0].value;
	return [
		{ ...base, displayOptions: { show: { resource: [resource], '@tool': [false] } }, options },
		{ ...base, default: agentDefault, displayOptions: { show: { resource: [resource], '@tool': [true] } }, options: forAgents },
	];
}
