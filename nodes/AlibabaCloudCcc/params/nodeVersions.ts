import type { DisplayCondition, INode, INodeProperties } from 'n8n-workflow';

/**
 * Every node's versions. 1 has text fields for the IDs it takes. 2 picks them from CCC's lists, under the same
 * parameter names, and reports an agent already in the state an action leads to as a success. Version 1 stays as
 * it was, so that workflows saved with it load and run unchanged.
 */
export const VERSION_2 = 2;

/** Whether the node runs as version 2 or later. */
export const fromVersion2 = (node: INode): boolean => node.typeVersion >= VERSION_2;

function shownWhen(property: INodeProperties, version: number | DisplayCondition): INodeProperties {
	const { displayOptions } = property;
	return { ...property, displayOptions: { ...displayOptions, show: { ...displayOptions?.show, '@version': [version] } } };
}

/** The property as version 1 has it. */
export const inVersion1 = (property: INodeProperties): INodeProperties => shownWhen(property, 1);

/** The property from version 2 on. */
export const inVersion2 = (property: INodeProperties): INodeProperties => shownWhen(property, { _cnd: { gte: VERSION_2 } });
