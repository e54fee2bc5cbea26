/** Why a request is refused: `path` names the field at fault, `code` is stable for the UI. */
export interface Violation {
  path: string;
  code: string;
  message: string;
}
