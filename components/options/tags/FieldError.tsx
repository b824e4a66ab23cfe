/** Why a tag's label was refused, under its field; the field points here with aria-describedby. */
export function FieldError({ fieldId, error }: { fieldId: string; error: string }) {
  if (!error) return null;
  return (
    <p class="te-field-error alert" id={`${fieldId}-error`}>
      {error}
    </p>
  );
}
