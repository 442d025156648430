import type { DisplayCondition, INode, INodeProperties } from 'n8n-workflow';

/**
 * Every node's versions: 1 has text fields for the IDs it takes; 2 picks them from CCC's lists, under the same
 * parameter names. Version 1 stays as it was, so that workflows saved with it load and run unchanged.
 */
export const PICKER_VERSION = 2;

/** Whether the node's fields are pickers (a resource locator's value) rather than text. */
export const usesPickers = (node: INode): boolean => node.typeVersion >= PICKER_VERSION;

function shownWhen(property: INodeProperties, version: number | DisplayCondition): INodeProperties {
	const { displayOptions } = property;
	return { ...property, displayOptions: { ...displayOptions, show: { ...displayOptions?.show, '@version': [version] } } };
}

/** The property as version 1 has it. */
export const inVersion1 = (property: INodeProperties): INodeProperties => shownWhen(property, 1);

/** The property from the pickers' version on. */
export const fromPickerVersion = (property: INodeProperties): INodeProperties => shownWhen(property, { _cnd: { gte: PICKER_VERSION } });
