// What an options-page action gets from the page: a way to say how it went, and to ask for fresh data.
export interface ActionProps {
  announce: (message: string) => void;
  reload: () => void;
}
