import { failureOf } from '../../../../nodes/AlibabaCloudCcc/response/cccFailure';

describe('failureOf', () => {
	it('keeps Alibaba\'s code, message and RequestId, and adds the fix', () => {
		expect(failureOf('ReadyForService', 404, { Code: 'NotExists.UserId', Message: 'The user u@i does not exist in instance i.', RequestId: 'R-1' })).toEqual({
			code: 'NotExists.UserId',
			message: 'The user u@i does not exist in instance i.',
			httpStatus: 404,
			requestId: 'R-1',
			hint: expect.stringContaining('User ID'),
		});
	});

	it('drops the string to sign that SignatureDoesNotMatch echoes (it holds the STS token)', () => {
		const failure = failureOf('ReadyForService', 400, {
			Code: 'SignatureDoesNotMatch',
			Message: 'Specified signature is not matched with our calculation. server string to sign is:POST&%2F&AccessKeyId%3Did%26SecurityToken%3Dsecret-token',
		});
		expect(failure.message).toBe('Specified signature is not matched with our calculation.');
	});

	it('names a bare HTTP failure by its status', () => {
		expect(failureOf('ReadyForService', 502, {})).toMatchObject({ code: 'HTTP502', httpStatus: 502, message: 'The answer carries no CCC Code' });
	});

	it('calls a 2xx answer without a Code unexpected', () => {
		expect(failureOf('ReadyForService', 200, {}).code).toBe('UnexpectedResponse');
	});

	it('gives no hint for a code it does not know', () => {
		expect(failureOf('ReadyForService', 400, { Code: 'Some.New.Code', Message: 'm' })).not.toHaveProperty('hint');
	});
});

describe('failureOf a state refusal', () => {
	it("gives the agent's state and the accepted states fields of their own, and the state's hint", () => {
		const failure = failureOf('ReadyForService', 400, {
			Code: 'InvalidOperation.UserState',
			Message: 'The operation is not allowed. User state (OFFLINE) does not meet expectations (BREAK,READY,WORKING).',
			Params: ['OFFLINE', 'BREAK,READY,WORKING'],
			RequestId: 'R-2',
		});
		expect(failure).toEqual({
			code: 'InvalidOperation.UserState',
			message: 'The operation is not allowed. User state (OFFLINE) does not meet expectations (BREAK,READY,WORKING).',
			httpStatus: 400,
			requestId: 'R-2',
			agentState: 'OFFLINE',
			acceptedStates: ['BREAK', 'READY', 'WORKING'],
			hint: expect.stringContaining('not signed in'),
		});
	});

	it("gives a channel refusal the workstation's states, and the hint of the node's Device mode", () => {
		const envelope = { Code: 'InvalidOperation.ChannelState', Message: 'The operation is not allowed. Channel stats (DISCONNECTED) does not meet expectations (CONNECTED).' };
		expect(failureOf('ReadyForService', 400, envelope, { deviceFrom: 'lookup' })).toMatchObject({
			channelState: 'DISCONNECTED',
			acceptedChannelStates: ['CONNECTED'],
			hint: expect.stringContaining('ListDevices found'),
		});
		expect(failureOf('ReadyForService', 400, envelope, { deviceFrom: 'field' }).hint).toContain('given as Device ID');
	});

	it('adds no state fields to other codes', () => {
		expect(Object.keys(failureOf('ReadyForService', 404, { Code: 'NotExists.UserId', Message: 'User state (OFFLINE) does not meet expectations (READY).', Params: ['a', 'b'] }))).toEqual([
			'code',
			'message',
			'httpStatus',
			'hint',
		]);
	});
});
