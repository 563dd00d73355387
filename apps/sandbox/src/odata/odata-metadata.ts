import { UT11_SHAPES, type EntityShape } from './ut11-shapes';

const NS = 'StandardODATA';

function entityType(shape: EntityShape, tag = 'EntityType'): string {
  const key = shape.key.length && tag === 'EntityType' ? `<Key>${shape.key.map((name) => `<PropertyRef Name="${name}"/>`).join('')}</Key>` : '';
  const properties = Object.entries(shape.types)
    .map(([name, type]) => `<Property Name="${name}" Type="${type}" Nullable="${shape.key.includes(name) ? 'false' : 'true'}"/>`)
    .join('\n        ');
  return `      <${tag} Name="${shape.name}">${key}\n        ${properties}\n      </${tag}>`;
}

const bound = (name: string, target: string, returns: string | undefined, parameters: Array<[string, string]>, sideEffects: boolean) =>
  `        <FunctionImport Name="${name}" IsBindable="true" IsSideEffecting="${sideEffects}"${returns ? ` ReturnType="Collection(${NS}.${returns})"` : ''}>
          <Parameter Name="bindingParameter" Type="${NS}.${target}"/>
${parameters.map(([p, t]) => `          <Parameter Name="${p}" Type="${t}"/>`).join('\n')}
        </FunctionImport>`;

/**
 * A trimmed `$metadata` in the shape a real УТ 11 writes (Romandredan/odata1c-gate
 * tests/fixtures/edmx/ut-real.edmx): entity types, the Balance result and the tabular part's row
 * as ComplexTypes, entity sets, and the virtual table and posting as bound FunctionImports.
 */
export function ut11Metadata(): string {
  const s = UT11_SHAPES;
  const entities = [s.warehouses, s.products, s.packs, s.norms, s.stock, s.transfers, s.transferLines];
  const lineRow: EntityShape = { ...s.transferLines, name: 'Document_ПеремещениеТоваров_Товары_RowType' };
  return `<?xml version="1.0" encoding="UTF-8"?>
<edmx:Edmx xmlns:edmx="http://schemas.microsoft.com/ado/2007/06/edmx" Version="1.0">
  <edmx:DataServices xmlns:m="http://schemas.microsoft.com/ado/2007/08/dataservices/metadata" m:DataServiceVersion="3.0" m:MaxDataServiceVersion="3.0">
    <Schema xmlns="http://schemas.microsoft.com/ado/2009/11/edm" Namespace="${NS}">
${entities.map((shape) => entityType(shape)).join('\n')}
${entityType(s.stockBalance, 'ComplexType')}
${entityType(lineRow, 'ComplexType')}
      <EntityContainer Name="EnterpriseV8" m:IsDefaultEntityContainer="true">
${entities.map((shape) => `        <EntitySet Name="${shape.name}" EntityType="${NS}.${shape.name}"/>`).join('\n')}
${bound(
  'Balance',
  s.stock.name,
  s.stockBalance.name,
  [
    ['Condition', 'Edm.String'],
    ['Dimensions', 'Edm.String'],
    ['Period', 'Edm.DateTime'],
  ],
  false,
)}
${bound('Post', s.transfers.name, undefined, [['PostingModeOperational', 'Edm.Boolean']], true)}
${bound('Unpost', s.transfers.name, undefined, [['PostingModeOperational', 'Edm.Boolean']], true)}
      </EntityContainer>
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>
`;
}
