import ts from 'typescript';

/**
 * Finds state a module keeps between executions: in queue mode every worker loads the node once and runs many
 * executions with it, so anything a module remembers (a cache, a learned clock offset, a pacer) leaks from one
 * execution into the next. Flags, per file: `let`/`var` at module level; a module-level binding that any code
 * mutates (assignment, `++`, `delete`, or a mutating method such as `set`/`push`); a class's non-readonly static
 * field; and a module-level instance of a class (of `classesWithState`) that has fields it can change.
 */
export interface SourceFile {
	readonly path: string;
	readonly text: string;
}

const MUTATING_METHODS = new Set(['set', 'add', 'delete', 'clear', 'push', 'pop', 'shift', 'unshift', 'splice', 'sort', 'reverse', 'fill', 'copyWithin']);

const isReadonly = (member: ts.ClassElement) => ts.getModifiers(member as ts.PropertyDeclaration)?.some((modifier) => modifier.kind === ts.SyntaxKind.ReadonlyKeyword) ?? false;
const isStatic = (member: ts.ClassElement) => ts.getModifiers(member as ts.PropertyDeclaration)?.some((modifier) => modifier.kind === ts.SyntaxKind.StaticKeyword) ?? false;

const parse = ({ path, text }: SourceFile) => ts.createSourceFile(path, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);

/** The names of classes (in all files) with an instance field that is not readonly. */
function classesWithState(files: readonly ts.SourceFile[]): Set<string> {
	const names = new Set<string>();
	for (const file of files) {
		file.forEachChild(function visit(node) {
			if (ts.isClassDeclaration(node) && node.name && node.members.some((member) => ts.isPropertyDeclaration(member) && !isStatic(member) && !isReadonly(member))) {
				names.add(node.name.text);
			}
			node.forEachChild(visit);
		});
	}
	return names;
}

/** The identifier an expression like `a.b[c].d` starts from. */
function rootName(expression: ts.Expression): string | undefined {
	let current: ts.Expression = expression;
	while (ts.isPropertyAccessExpression(current) || ts.isElementAccessExpression(current) || ts.isParenthesizedExpression(current) || ts.isNonNullExpression(current)) {
		current = current.expression;
	}
	return ts.isIdentifier(current) ? current.text : undefined;
}

const ASSIGNMENTS = new Set([
	ts.SyntaxKind.EqualsToken,
	ts.SyntaxKind.PlusEqualsToken,
	ts.SyntaxKind.MinusEqualsToken,
	ts.SyntaxKind.AsteriskEqualsToken,
	ts.SyntaxKind.SlashEqualsToken,
	ts.SyntaxKind.BarBarEqualsToken,
	ts.SyntaxKind.AmpersandAmpersandEqualsToken,
	ts.SyntaxKind.QuestionQuestionEqualsToken,
]);

export function findModuleState(sources: readonly SourceFile[]): string[] {
	const files = sources.map(parse);
	const stateful = classesWithState(files);
	const findings: string[] = [];
	for (const file of files) {
		const at = (node: ts.Node, what: string) => findings.push(`${file.fileName}:${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${what}`);
		const moduleNames = new Set<string>();
		for (const statement of file.statements) {
			if (ts.isVariableStatement(statement)) {
				const isConst = (statement.declarationList.flags & ts.NodeFlags.Const) !== 0;
				for (const declaration of statement.declarationList.declarations) {
					if (!ts.isIdentifier(declaration.name)) continue;
					moduleNames.add(declaration.name.text);
					if (!isConst) at(declaration, `module-level variable "${declaration.name.text}"`);
					const init = declaration.initializer;
					if (init && ts.isNewExpression(init) && ts.isIdentifier(init.expression) && stateful.has(init.expression.text)) {
						at(declaration, `module-level instance of ${init.expression.text} "${declaration.name.text}"`);
					}
				}
			}
			if (ts.isClassDeclaration(statement)) {
				for (const member of statement.members) {
					if (ts.isPropertyDeclaration(member) && isStatic(member) && !isReadonly(member)) at(member, `static field "${member.name.getText(file)}"`);
				}
			}
		}
		file.forEachChild(function visit(node) {
			const target =
				ts.isBinaryExpression(node) && ASSIGNMENTS.has(node.operatorToken.kind)
					? node.left
					: (ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) &&
						  (node.operator === ts.SyntaxKind.PlusPlusToken || node.operator === ts.SyntaxKind.MinusMinusToken)
						? node.operand
						: ts.isDeleteExpression(node)
							? node.expression
							: ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && MUTATING_METHODS.has(node.expression.name.text)
								? node.expression.expression
								: undefined;
			const name = target && rootName(target);
			if (name && moduleNames.has(name)) at(node, `changes module-level "${name}"`);
			node.forEachChild(visit);
		});
	}
	return findings;
}
