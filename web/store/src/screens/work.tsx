/** Placeholder: the work screen is being built. */
export default function Screen() {
  return <h1>work</h1>;
}
