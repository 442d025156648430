import { stateRefusalOf } from '../../../../nodes/AlibabaCloudCcc/response/stateRefusal';

const MESSAGE = 'The operation is not allowed. User state (OFFLINE) does not meet expectations (BREAK,READY,WORKING).';

describe('stateRefusalOf', () => {
	it('reads the actual and the accepted states from Params', () => {
		expect(stateRefusalOf({ Params: ['TALKING', 'BREAK,READY,WORKING'], Message: 'whatever' })).toEqual({ actual: 'TALKING', accepted: ['BREAK', 'READY', 'WORKING'] });
	});

	it.each([
		['missing', {}],
		['empty', { Params: [] }],
		['blank', { Params: ['', ''] }],
	])('reads them from the message when Params is %s', (_name, params) => {
		expect(stateRefusalOf({ ...params, Message: MESSAGE })).toEqual({ actual: 'OFFLINE', accepted: ['BREAK', 'READY', 'WORKING'] });
	});

	it('takes accepted states given as separate Params, and fills in from the message what Params lacks', () => {
		expect(stateRefusalOf({ Params: ['RINGING', 'BREAK', ' READY '] })).toEqual({ actual: 'RINGING', accepted: ['BREAK', 'READY'] });
		expect(stateRefusalOf({ Params: ['DIALING'], Message: MESSAGE })).toEqual({ actual: 'DIALING', accepted: ['BREAK', 'READY', 'WORKING'] });
	});

	it("spells agent states as action answers do, whichever of CCC's spellings and case came", () => {
		expect(stateRefusalOf({ Params: ['Offline', 'Break, ready,ACW'] })).toEqual({ actual: 'OFFLINE', accepted: ['BREAK', 'READY', 'WORKING'] });
	});

	it('keeps states it does not know (a channel state, a new agent state) as CCC wrote them', () => {
		expect(stateRefusalOf({ Message: 'The operation is not allowed. Channel stats (DISCONNECTED) does not meet expectations (CONNECTED).' })).toEqual({
			actual: 'DISCONNECTED',
			accepted: ['CONNECTED'],
		});
		expect(stateRefusalOf({ Params: ['HOLDING', 'READY'] })).toEqual({ actual: 'HOLDING', accepted: ['READY'] });
	});

	it.each([
		['an object', { a: 'OFFLINE', b: 'READY' }],
		['a list of structs', [{ a: 'OFFLINE', b: 'READY' }]],
	])('falls back on the message when Params is %s', (_name, params) => {
		expect(stateRefusalOf({ Params: params as unknown as string[], Message: MESSAGE })).toEqual({ actual: 'OFFLINE', accepted: ['BREAK', 'READY', 'WORKING'] });
	});

	it('finds nothing in a refusal that names no state', () => {
		expect(stateRefusalOf({ Params: [], Message: 'The operation is not allowed.' })).toBeUndefined();
	});
});
