/** What a user can do about the Alibaba codes people actually hit; `action` is the API that failed. */
const HINTS: ReadonlyArray<readonly [RegExp, (action: string) => string]> = [
	[/^NotExists\.InstanceId$/, () => 'Check the Instance ID, and that the credential\'s Region or Custom Endpoint is where that instance lives'],
	[/^NotExists\.UserId$/, () => 'Check that the User ID (name@instance) exists in this instance, and the credential\'s Region'],
	[/^NotExists\./, () => 'Check the IDs in the node\'s fields, and the credential\'s Region'],
	[/^InvalidOperation\.UserState$/, () => 'The agent\'s current state does not allow this (for example a call in progress): try again when it ends, or reset the agent\'s state'],
	[/^InvalidOperation\.ChannelState$/, () => 'The agent\'s workstation is not in a usable state: sign the agent in on the workstation given as Device ID, or check the Device ID'],
	[/^InvalidAccessKeyId\./, () => 'The AccessKey ID is unknown or disabled: check the AccessKey ID in the credential, and that the key is active in the RAM console'],
	[/^(SignatureDoesNotMatch|IncompleteSignature)$/, () => 'Check the AccessKey Secret in the credential (copy it again, without spaces); behind a proxy, try Signature Version V1'],
	[/^(Forbidden|NoPermission)/, (action) => `The RAM user or role lacks permission: grant it ccc:${action} (for example with the AliyunCCCFullAccess policy)`],
	[/^InvalidTimeStamp\./, () => 'This machine\'s clock is off by more than 15 minutes: synchronise it (NTP)'],
	[/^SignatureNonceUsed$/, () => 'The gateway saw this request twice: run the node again'],
	[/^Throttling/, () => 'Alibaba Cloud is limiting the request rate: send fewer requests per second, or try again later'],
	[/^(InternalError|ServiceUnavailable|UnknownError)$/, () => 'A temporary failure at Alibaba Cloud: try again later'],
	[/^(MissingParameter|InvalidParameter)/, () => 'Check the values of the node\'s fields'],
];

export function errorHint(code: string, action: string): string | undefined {
	return HINTS.find(([pattern]) => pattern.test(code))?.[1](action);
}
