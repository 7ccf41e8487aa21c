// @adobe/structured-data-validator ships no types; the tests use its Validator alone.
declare module '@adobe/structured-data-validator' {
  export default class Validator {
    constructor(schemaOrgJson?: object);
    validate(data: { jsonld?: Record<string, object[]>; microdata?: object; rdfa?: object }): Promise<object[]>;
  }
}
