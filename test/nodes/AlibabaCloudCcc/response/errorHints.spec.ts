import { errorHint } from '../../../../nodes/AlibabaCloudCcc/response/errorHints';

describe('errorHint', () => {
	it.each([
		['NotExists.InstanceId', 'Instance ID'],
		['NotExists.UserId', 'User ID'],
		['NotExists.Extension', 'Check the IDs'],
		['InvalidOperation.UserState', 'state'],
		['InvalidOperation.ChannelState', 'workstation'],
		['InvalidAccessKeyId.NotFound', 'AccessKey ID'],
		['InvalidAccessKeyId.Inactive', 'AccessKey ID'],
		['SignatureDoesNotMatch', 'AccessKey Secret'],
		['IncompleteSignature', 'AccessKey Secret'],
		['Forbidden.RAM', 'ccc:ReadyForService'],
		['NoPermission', 'ccc:ReadyForService'],
		['InvalidTimeStamp.Expired', 'clock'],
		['Throttling.User', 'rate'],
		['ServiceUnavailable', 'temporary'],
	])('%s → mentions %s', (code, words) => {
		expect(errorHint(code, { action: 'ReadyForService' })).toContain(words);
	});

	it('names the action in permission hints', () => {
		expect(errorHint('Forbidden.RAM', { action: 'TakeBreak' })).toContain('ccc:TakeBreak');
	});

	it('knows nothing of unknown codes', () => {
		expect(errorHint('Totally.New', { action: 'ReadyForService' })).toBeUndefined();
	});
});

describe('errorHint for a state refusal', () => {
	const userState = (actual: string, accepted = ['BREAK', 'READY', 'WORKING']) =>
		errorHint('InvalidOperation.UserState', { action: 'ReadyForService', refusal: { actual, accepted } });

	it('tells an OFFLINE agent to sign in first, since readying does not sign in', () => {
		expect(userState('OFFLINE')).toBe(
			'The agent is not signed in: the agent signs in to the CCC workbench (or app) first, then run again; readying does not sign an agent in',
		);
	});

	it.each(['RINGING', 'DIALING', 'TALKING'])('tells a %s agent to run it again after the call', (state) => {
		expect(userState(state)).toMatch(/^The agent is on a call\b.*: run it again after the call$/);
	});

	it('says what CCC expected for any other state', () => {
		expect(userState('READY', ['BREAK'])).toBe('The agent is READY (idle; calls are routed to the agent); CCC accepts ReadyForService only for an agent who is BREAK');
		expect(userState('HOLDING')).toBe('The agent is HOLDING; CCC accepts ReadyForService only for an agent who is BREAK, READY or WORKING');
		expect(userState('HOLDING', [])).toBe('The agent is HOLDING; CCC accepts ReadyForService not in this state');
	});

	it('falls back on the message when CCC named no state', () => {
		expect(errorHint('InvalidOperation.UserState', { action: 'ReadyForService' })).toContain('see the message for the state CCC reported');
	});

	it('speaks of the Device ID field only when the Device ID came from it', () => {
		const channel = (deviceFrom?: 'field' | 'lookup') =>
			errorHint('InvalidOperation.ChannelState', { action: 'ReadyForService', deviceFrom, refusal: { actual: 'DISCONNECTED', accepted: ['CONNECTED'] } });
		expect(channel('field')).toMatch(/^The workstation given as Device ID cannot take calls \(its channel is DISCONNECTED\): check that it is the one/);
		expect(channel('lookup')).toMatch(/^The workstation ListDevices found for the agent cannot take calls \(its channel is DISCONNECTED\): the agent signs in again/);
		expect(channel('lookup')).not.toContain('Device ID');
		expect(channel()).not.toContain('Device ID');
	});
});
