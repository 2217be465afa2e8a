/** Placeholder: the counter screen is being built. */
export default function Screen() {
  return <h1>counter</h1>;
}
