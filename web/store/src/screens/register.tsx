/** Placeholder: the register screen is being built. */
export default function Screen() {
  return <h1>register</h1>;
}
