"""Depth, alias, fragment-spread and cost limits, checked before GraphQL validation runs.

Strawberry's QueryDepthLimiter and MaxAliasesLimiter walk every fragment path: fragments that
each spread the previous one twice make that walk exponential (19 fragments, 0.9 KB, took
20 s on the event loop). Here each fragment is measured once and its measure reused wherever
it is spread, so the work is linear in the document's size, and the number of times
fragments would be expanded is itself capped.

Cost is an estimate of the work an operation asks for, computed before anything runs:

    field cost = weight + size × (1 + cost of its selections)   (objects and lists)
    field cost = weight                                          (scalars)

``size`` is the page size for a field with a ``first`` argument (its value, or the schema's
default), 1 for a connection's ``nodes`` (the connection's ``first`` counts them),
``DEFAULT_LIST_SIZE`` for other lists, 1 otherwise. ``weight`` is 1 for a field that
reads the store (``STORE_FIELDS``), else 0. A connection's ``first`` multiplies its whole
subtree, ``pageInfo`` included: the estimate errs on the high side.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLList,
    GraphQLNamedType,
    GraphQLSchema,
    InlineFragmentNode,
    IntValueNode,
    NamedTypeNode,
    OperationDefinitionNode,
    SelectionSetNode,
    StringValueNode,
    VariableNode,
    get_named_type,
    get_nullable_type,
    is_composite_type,
)
from strawberry.extensions import SchemaExtension

from api.errors import ApiError

MAX_DEPTH = 10
MAX_ALIASES = 15
MAX_FRAGMENT_SPREADS = 100  # expansions: a fragment spread inside a spread fragment counts each time
MAX_COST = 5000
# Ids are short (a job id is 26 characters); DynamoDB refuses keys over 2048 bytes, and a
# 950 KB id reached it and came back as INTERNAL_ERROR.
MAX_ID_LENGTH = 128
DEFAULT_LIST_SIZE = 10
PAGE_SIZE_ARGUMENTS = ("first",)

# Fields whose resolvers read the store (or a blob) for each parent: the costly ones.
STORE_FIELDS = frozenset({
    "Query.job", "Query.jobs", "Query.reviewQueue", "Query.queueStats", "Query.settings", "Query.settingHistory",
    "Query.timecards", "Query.health",
    "Job.file", "Job.issues", "Job.findings", "Job.timecards", "Job.decision", "Job.reviews", "Job.events",
})


@dataclass(frozen=True)
class Measure:
    """What a selection set asks for. ``depth``: nesting below its top fields (a leaf is 0)."""

    depth: int = 0
    aliases: int = 0
    spreads: int = 0
    cost: int = 0

    def __add__(self, other: Measure) -> Measure:
        return Measure(max(self.depth, other.depth), self.aliases + other.aliases, self.spreads + other.spreads,
                       self.cost + other.cost)


class DocumentTooLarge(ApiError):
    """A refused document: nothing of it ran."""


class DocumentMeter:
    """Measures the operations of one document; fragments are measured once each."""

    def __init__(self, schema: GraphQLSchema, fragments: Mapping[str, FragmentDefinitionNode],
                 variables: Mapping[str, Any] | None):
        self.schema = schema
        self.fragments = fragments
        self.variables = variables or {}
        self._measured: dict[str, Measure] = {}
        self._in_progress: set[str] = set()
        self.long_ids: list[str] = []  # names of ID arguments or variables over MAX_ID_LENGTH

    def operation(self, operation: OperationDefinitionNode) -> Measure:
        for definition in operation.variable_definitions or ():
            if _named_type_name(definition.type) == "ID" and _too_long(self.variables.get(definition.variable.name.value)):
                self.long_ids.append(f"${definition.variable.name.value}")
        root = self.schema.get_root_type(operation.operation)
        return self.selections(operation.selection_set, root)

    def selections(self, selection_set: SelectionSetNode, parent: GraphQLNamedType | None) -> Measure:
        total = Measure()
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                total += self.field(selection, parent)
            elif isinstance(selection, InlineFragmentNode):
                condition = selection.type_condition
                inner = self.schema.get_type(condition.name.value) if condition else parent
                total += self.selections(selection.selection_set, inner)
            elif isinstance(selection, FragmentSpreadNode):
                total += self.fragment(selection.name.value)
        return total

    def fragment(self, name: str) -> Measure:
        if name in self._measured:
            measured = self._measured[name]
        elif name in self._in_progress or name not in self.fragments:
            measured = Measure()  # a cycle or an unknown fragment: GraphQL validation reports it
        else:
            self._in_progress.add(name)
            definition = self.fragments[name]
            measured = self.selections(definition.selection_set,
                                       self.schema.get_type(definition.type_condition.name.value))
            self._in_progress.discard(name)
            self._measured[name] = measured
        return Measure(measured.depth, measured.aliases, measured.spreads + 1, measured.cost)

    def field(self, node: FieldNode, parent: GraphQLNamedType | None) -> Measure:
        name = node.name.value
        if name == "__typename":
            return Measure(aliases=1 if node.alias else 0)
        definition = getattr(parent, "fields", {}).get(name) if parent is not None else None
        weight = 1 if parent is not None and f"{parent.name}.{name}" in STORE_FIELDS else 0
        if definition is not None:
            self._check_id_literals(node, definition)
        aliases = 1 if node.alias else 0
        if node.selection_set is None:
            return Measure(0, aliases, 0, weight)
        child_type = get_named_type(definition.type) if definition is not None else None
        child = self.selections(node.selection_set, child_type if is_composite_type(child_type) else None)
        size = self.list_size(node, definition, parent)
        return Measure(child.depth + 1, aliases + child.aliases, child.spreads, weight + size * (1 + child.cost))

    def _check_id_literals(self, node: FieldNode, definition: Any) -> None:
        for argument in node.arguments or ():
            declared = definition.args.get(argument.name.value)
            if declared is not None and getattr(get_named_type(declared.type), "name", None) == "ID" \
                    and isinstance(argument.value, StringValueNode) and _too_long(argument.value.value):
                self.long_ids.append(argument.name.value)

    def list_size(self, node: FieldNode, definition: Any, parent: GraphQLNamedType | None) -> int:
        if parent is not None and parent.name.endswith("Connection"):
            return 1  # a page's nodes: counted by the connection field's ``first``
        for argument in node.arguments or ():
            if argument.name.value in PAGE_SIZE_ARGUMENTS:
                return self._int_value(argument.value, DEFAULT_LIST_SIZE)
        if definition is not None:
            for name in PAGE_SIZE_ARGUMENTS:
                declared = definition.args.get(name)
                if declared is not None and isinstance(declared.default_value, int):
                    return max(1, declared.default_value)
            if isinstance(get_nullable_type(definition.type), GraphQLList):
                return DEFAULT_LIST_SIZE
        return 1

    def _int_value(self, value: Any, fallback: int) -> int:
        if isinstance(value, IntValueNode):
            return max(1, int(value.value))
        if isinstance(value, VariableNode):
            given = self.variables.get(value.name.value)
            if isinstance(given, int) and not isinstance(given, bool):
                return max(1, given)
        return fallback


def _named_type_name(type_node: Any) -> str | None:
    while not isinstance(type_node, NamedTypeNode):
        type_node = getattr(type_node, "type", None)
        if type_node is None:
            return None
    return type_node.name.value


def _too_long(value: Any) -> bool:
    if isinstance(value, str):
        return len(value) > MAX_ID_LENGTH
    if isinstance(value, list):
        return any(_too_long(item) for item in value)
    return False


def measure_document(schema: GraphQLSchema, document: Any, variables: Mapping[str, Any] | None) -> Measure:
    """The largest measure among the document's operations (each field of Measure apart)."""
    return _measure(DocumentMeter(schema, _fragments(document), variables), document)


def _fragments(document: Any) -> dict[str, FragmentDefinitionNode]:
    return {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}


def _measure(meter: DocumentMeter, document: Any) -> Measure:
    worst = Measure()
    for definition in document.definitions:
        if isinstance(definition, OperationDefinitionNode):
            measured = meter.operation(definition)
            worst = Measure(max(worst.depth, measured.depth), max(worst.aliases, measured.aliases),
                            max(worst.spreads, measured.spreads), max(worst.cost, measured.cost))
    return worst


def refusal(measured: Measure) -> DocumentTooLarge | None:
    """The first limit the document breaks, as an error that says what to change."""
    if measured.spreads > MAX_FRAGMENT_SPREADS:
        return DocumentTooLarge(f"the operation expands fragments {measured.spreads} times; at most "
                                f"{MAX_FRAGMENT_SPREADS} are allowed: spread fewer fragments",
                                code="TOO_MANY_FRAGMENT_SPREADS")
    if measured.depth > MAX_DEPTH:
        return DocumentTooLarge(f"the operation nests {measured.depth} levels; at most {MAX_DEPTH} are allowed",
                                code="QUERY_TOO_DEEP")
    if measured.aliases > MAX_ALIASES:
        return DocumentTooLarge(f"the operation uses {measured.aliases} aliases; at most {MAX_ALIASES} are allowed",
                                code="TOO_MANY_ALIASES")
    if measured.cost > MAX_COST:
        return DocumentTooLarge(f"the operation's estimated cost is {measured.cost}; at most {MAX_COST} is allowed: "
                                "ask for smaller pages (first) or fewer nested lists", code="QUERY_TOO_COSTLY")
    return None


class DocumentLimits(SchemaExtension):
    """Refuses an over-limit document before validation, so nothing of it runs."""

    def on_validate(self):  # noqa: ANN201 - a generator hook
        context = self.execution_context
        if context.graphql_document is not None and context.pre_execution_errors is None:
            variables = context.variables if isinstance(context.variables, dict) else None
            document = context.graphql_document
            meter = DocumentMeter(context.schema._schema, _fragments(document), variables)
            refused = refusal(_measure(meter, document))
            if refused is None and meter.long_ids:
                refused = DocumentTooLarge(f"{', '.join(sorted(set(meter.long_ids)))}: an id is at most "
                                           f"{MAX_ID_LENGTH} characters", code="ID_TOO_LONG")
            if refused is not None:
                context.pre_execution_errors = [GraphQLError(refused.message, original_error=refused)]
        yield


__all__ = ["DocumentLimits", "MAX_ALIASES", "MAX_COST", "MAX_DEPTH", "MAX_FRAGMENT_SPREADS", "Measure",
           "measure_document", "refusal"]
