import { RouterProvider } from 'react-router-dom';
import { Providers } from './providers';
import { router } from './router';

/** The stinet web app: providers around the router. */
export function App() {
  return (
    <Providers>
      <RouterProvider router={router} />
    </Providers>
  );
}
