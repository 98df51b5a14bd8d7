// A filter-as-you-type box with its live count, for lists that narrow as the reader types.
import { useId } from 'react'

export type FilterBoxProps = {
  label: string
  value: string
  onChange: (value: string) => void
  /** What the filter leaves, announced as it changes ("显示 3 / 40 个分类"). */
  status: string
}

export function FilterBox({ label, value, onChange, status }: FilterBoxProps) {
  const inputId = useId()
  const statusId = useId()
  return (
    <div className="filter" role="search">
      <label htmlFor={inputId}>{label}</label>
      <input
        id={inputId}
        type="search"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby={statusId}
        autoComplete="off"
      />
      <p id={statusId} className="count" role="status">
        {status}
      </p>
    </div>
  )
}
