// The console reads the server's schema once at sign-in and asks only for fields that exist:
// the API grows (issue locations, sheet mappings) while the console keeps working with the
// server it is talking to.
export const SCHEMA_QUERY = `{ __schema { types { name kind fields {
  name args { name type { kind } defaultValue }
  type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }
} } } }`;

function namedType(type) {
  let current = type;
  while (current && (current.kind === "NON_NULL" || current.kind === "LIST")) current = current.ofType;
  return current;
}

function requiresArguments(field) {
  return field.args.some((arg) => arg.type.kind === "NON_NULL" && arg.defaultValue == null);
}

export class SchemaShape {
  constructor(types) {
    this.types = new Map(types.map((type) => [type.name, type]));
  }

  hasField(typeName, fieldName) {
    return Boolean(this.types.get(typeName)?.fields?.some((field) => field.name === fieldName));
  }

  fieldType(typeName, fieldName) {
    const field = this.types.get(typeName)?.fields?.find((f) => f.name === fieldName);
    return field ? namedType(field.type) : null;
  }

  /** Every field of a type that needs no argument, objects expanded `depth` levels down. */
  selection(typeName, depth = 2) {
    const type = this.types.get(typeName);
    if (!type?.fields) return "";
    const parts = [];
    for (const field of type.fields) {
      if (requiresArguments(field)) continue;
      const inner = namedType(field.type);
      if (inner.kind === "SCALAR" || inner.kind === "ENUM") parts.push(field.name);
      else if (inner.kind === "OBJECT" && depth > 0) {
        const nested = this.selection(inner.name, depth - 1);
        if (nested) parts.push(`${field.name} { ${nested} }`);
      }
    }
    return parts.join(" ");
  }

  /** A field with its selection, or "" when the server does not have it. */
  optionalField(typeName, fieldName, depth = 2) {
    const inner = this.fieldType(typeName, fieldName);
    if (!inner) return "";
    if (inner.kind === "SCALAR" || inner.kind === "ENUM") return fieldName;
    const nested = this.selection(inner.name, depth);
    return nested ? `${fieldName} { ${nested} }` : "";
  }
}
