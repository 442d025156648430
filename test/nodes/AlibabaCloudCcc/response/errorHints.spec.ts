import { errorHint } from '../../../../nodes/AlibabaCloudCcc/response/errorHints';

describe('errorHint', () => {
	it.each([
		['NotExists.InstanceId', 'Instance ID'],
		['NotExists.UserId', 'User ID'],
		['NotExists.Extension', 'Check the IDs'],
		['InvalidOperation.UserState', 'state'],
		['InvalidOperation.ChannelState', 'Device ID'],
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
		expect(errorHint(code, 'ReadyForService')).toContain(words);
	});

	it('names the action in permission hints', () => {
		expect(errorHint('Forbidden.RAM', 'TakeBreak')).toContain('ccc:TakeBreak');
	});

	it('knows nothing of unknown codes', () => {
		expect(errorHint('Totally.New', 'ReadyForService')).toBeUndefined();
	});
});
