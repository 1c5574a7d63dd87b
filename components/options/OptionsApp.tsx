export function OptionsApp() {
  return (
    <main>
      <h1>Picket options</h1>
    </main>
  );
}
