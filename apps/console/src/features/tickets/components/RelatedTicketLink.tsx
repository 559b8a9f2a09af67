import { Link } from 'react-router-dom';
import { useTicket } from '../hooks/useTickets';

/** A merge/split partner named by its number (#12) once it has loaded. */
export function RelatedTicketLink({ id }: { id: number }) {
  const { data } = useTicket(id);
  return (
    <Link to={`/tickets/${id}`} data-testid={`related-ticket-${id}`}>
      {data ? `#${data.number} ${data.subject}` : `#…`}
    </Link>
  );
}
